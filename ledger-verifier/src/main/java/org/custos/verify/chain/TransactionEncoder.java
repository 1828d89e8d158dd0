package org.custos.verify.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.rlp.Rlp;

/**
 * The canonical encoding of a transaction from its JSON-RPC object: the bytes whose KEC is the transaction hash
 * and that are stored in the transactions trie (EIP-2718).
 *
 * <ul>
 *   <li>type 0, legacy (Yellow Paper §4.2, EIP-155): RLP([nonce, gasPrice, gas, to, value, input, v, r, s]);</li>
 *   <li>type 1, EIP-2930: 0x01 || RLP([chainId, nonce, gasPrice, gas, to, value, input, accessList, yParity, r,
 *       s]) with accessList = [[address, [storageKey, ...]], ...];</li>
 *   <li>type 2, EIP-1559: 0x02 || RLP([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value,
 *       input, accessList, yParity, r, s]);</li>
 *   <li>type 3, EIP-4844: 0x03 || RLP([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value, input,
 *       accessList, maxFeePerBlobGas, blobVersionedHashes, yParity, r, s]), {@code to} required; the canonical
 *       form, not the network wrapper with blobs (anvil 1.7.1 roots the wrapper, so its blob blocks fail);</li>
 *   <li>type 4, EIP-7702: 0x04 || RLP([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value, input,
 *       accessList, authorizationList, yParity, r, s]), {@code to} required, authorizationList =
 *       [[chainId, address, nonce, yParity, r, s], ...].</li>
 * </ul>
 * <b>Fail closed:</b> other types ({@code UNSUPPORTED_TRANSACTION_TYPE}) and members a type does not define
 * ({@code UNKNOWN_FIELD}) throw. Besides the encoded fields, a transaction object may carry only the node's
 * metadata {@code hash, from, blockHash, blockNumber, blockTimestamp, transactionIndex, type}, {@code gasPrice}
 * (typed: the effective price), {@code v} next to {@code yParity} (must agree), {@code chainId} on a legacy
 * transaction (must agree with an EIP-155 {@code v}) and, for type 3 only, the sidecar
 * {@code blobs, commitments, proofs, cellProofs} (not committed to by the hash or the root).
 */
public final class TransactionEncoder {

    private static final Set<String> METADATA = Set.of("hash", "from", "blockHash", "blockNumber",
            "blockTimestamp", "transactionIndex", "type", "gasPrice", "v", "yParity");
    private static final Set<String> BLOB_SIDECAR = Set.of("blobs", "commitments", "proofs", "cellProofs");
    private static final List<String> TYPE_0 = List.of("nonce", "gasPrice", "gas", "to", "value", "input", "v",
            "r", "s", "chainId");
    private static final List<String> TYPE_1 = List.of("chainId", "nonce", "gasPrice", "gas", "to", "value",
            "input", "accessList", "r", "s");
    private static final List<String> TYPE_2 = List.of("chainId", "nonce", "maxPriorityFeePerGas",
            "maxFeePerGas", "gas", "to", "value", "input", "accessList", "r", "s");
    private static final List<String> TYPE_3 = List.of("chainId", "nonce", "maxPriorityFeePerGas",
            "maxFeePerGas", "gas", "to", "value", "input", "accessList", "maxFeePerBlobGas",
            "blobVersionedHashes", "r", "s");
    private static final List<String> TYPE_4 = List.of("chainId", "nonce", "maxPriorityFeePerGas",
            "maxFeePerGas", "gas", "to", "value", "input", "accessList", "authorizationList", "r", "s");

    private TransactionEncoder() {
    }

    /** @throws RpcFormatException for a missing, malformed or unknown field, or an unsupported type */
    public static byte[] encode(Map<String, ?> tx) {
        Bytes type = RpcValues.quantity("type", RpcValues.required(tx, "type"));
        int t = type.length() == 0 ? 0 : type.length() == 1 ? type.get(0) : -1;
        switch (t) {
            case 0:
                onlyKnownFields(tx, TYPE_0, false);
                return legacy(tx);
            case 1:
                onlyKnownFields(tx, TYPE_1, false);
                return typed(1, Rlp.encodeList(scalar(tx, "chainId"), scalar(tx, "nonce"), scalar(tx, "gasPrice"),
                        scalar(tx, "gas"), to(tx), scalar(tx, "value"), data(tx, "input"), accessList(tx),
                        yParity(tx), scalar(tx, "r"), scalar(tx, "s")));
            case 2:
                onlyKnownFields(tx, TYPE_2, false);
                return typed(2, Rlp.encodeList(scalar(tx, "chainId"), scalar(tx, "nonce"),
                        scalar(tx, "maxPriorityFeePerGas"), scalar(tx, "maxFeePerGas"), scalar(tx, "gas"), to(tx),
                        scalar(tx, "value"), data(tx, "input"), accessList(tx), yParity(tx), scalar(tx, "r"),
                        scalar(tx, "s")));
            case 3:
                onlyKnownFields(tx, TYPE_3, true);
                return typed(3, Rlp.encodeList(scalar(tx, "chainId"), scalar(tx, "nonce"),
                        scalar(tx, "maxPriorityFeePerGas"), scalar(tx, "maxFeePerGas"), scalar(tx, "gas"),
                        requiredTo(tx), scalar(tx, "value"), data(tx, "input"), accessList(tx),
                        scalar(tx, "maxFeePerBlobGas"), blobHashes(tx), yParity(tx), scalar(tx, "r"),
                        scalar(tx, "s")));
            case 4:
                onlyKnownFields(tx, TYPE_4, false);
                return typed(4, Rlp.encodeList(scalar(tx, "chainId"), scalar(tx, "nonce"),
                        scalar(tx, "maxPriorityFeePerGas"), scalar(tx, "maxFeePerGas"), scalar(tx, "gas"),
                        requiredTo(tx), scalar(tx, "value"), data(tx, "input"), accessList(tx),
                        authorizationList(tx), yParity(tx), scalar(tx, "r"), scalar(tx, "s")));
            default:
                throw new RpcFormatException(ReasonCode.UNSUPPORTED_TRANSACTION_TYPE, "type", "type " + type);
        }
    }

    /**
     * The members of {@code tx} that its hash commits to (the encoded fields of its type, and {@code type},
     * {@code v} / {@code yParity}, legacy {@code chainId}, which are checked against them), plus {@code hash}
     * itself. Anything else in the object (sender, block position, effective gas price, blob sidecar) is the
     * node's metadata. Precondition: {@link #encode} accepted {@code tx}.
     */
    public static Set<String> committedMembers(Map<String, ?> tx) {
        Bytes type = RpcValues.quantity("type", RpcValues.required(tx, "type"));
        int t = type.length() == 0 ? 0 : type.get(0);
        List<String> encoded = switch (t) {
            case 0 -> TYPE_0;
            case 1 -> TYPE_1;
            case 2 -> TYPE_2;
            case 3 -> TYPE_3;
            default -> TYPE_4;
        };
        Set<String> members = new java.util.HashSet<>(encoded);
        members.addAll(List.of("hash", "type", "v", "yParity"));
        return members;
    }

    private static void onlyKnownFields(Map<String, ?> tx, List<String> encoded, boolean sidecar) {
        for (String name : tx.keySet()) {
            if (!encoded.contains(name) && !METADATA.contains(name) && !(sidecar && BLOB_SIDECAR.contains(name))) {
                throw new RpcFormatException(ReasonCode.UNKNOWN_FIELD, name,
                        "not a field of transaction type " + tx.get("type"));
            }
        }
    }

    private static byte[] legacy(Map<String, ?> tx) {
        if (tx.get("chainId") != null) {
            BigInteger v = new BigInteger(1, RpcValues.quantity("v", RpcValues.required(tx, "v")).toArray());
            BigInteger chainId = new BigInteger(1, RpcValues.quantity("chainId", tx.get("chainId")).toArray());
            if (v.compareTo(BigInteger.valueOf(35)) >= 0
                    && !v.subtract(BigInteger.valueOf(35)).shiftRight(1).equals(chainId)) {
                throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, "chainId", "chainId and EIP-155 v disagree");
            }
        }
        return Rlp.encodeList(scalar(tx, "nonce"), scalar(tx, "gasPrice"), scalar(tx, "gas"), to(tx),
                scalar(tx, "value"), data(tx, "input"), scalar(tx, "v"), scalar(tx, "r"), scalar(tx, "s"));
    }

    static byte[] typed(int type, byte[] payload) {
        byte[] out = new byte[payload.length + 1];
        out[0] = (byte) type;
        System.arraycopy(payload, 0, out, 1, payload.length);
        return out;
    }

    /** {@code to} is absent or null for contract creation, encoded as the empty string. */
    private static byte[] to(Map<String, ?> tx) {
        Object to = tx.get("to");
        return Rlp.encodeBytes(to == null ? new byte[0] : RpcValues.fixed("to", to, 20).toArray());
    }

    /** Types 3 and 4 cannot create contracts: {@code to} is a required 20-byte address. */
    private static byte[] requiredTo(Map<String, ?> tx) {
        return Rlp.encodeBytes(RpcValues.fixed("to", RpcValues.required(tx, "to"), 20).toArray());
    }

    private static byte[] blobHashes(Map<String, ?> tx) {
        List<byte[]> hashes = new ArrayList<>();
        for (Object hash : RpcValues.list("blobVersionedHashes", RpcValues.required(tx, "blobVersionedHashes"))) {
            hashes.add(Rlp.encodeBytes(RpcValues.fixed("blobVersionedHashes", hash, 32).toArray()));
        }
        return Rlp.encodeList(hashes.toArray(new byte[0][]));
    }

    /** EIP-7702 authorization tuples [chainId, address, nonce, yParity, r, s]; no other members allowed. */
    private static byte[] authorizationList(Map<String, ?> tx) {
        List<byte[]> tuples = new ArrayList<>();
        for (Object raw : RpcValues.list("authorizationList", RpcValues.required(tx, "authorizationList"))) {
            Map<String, ?> auth = object("authorizationList", raw);
            for (String name : auth.keySet()) {
                if (!List.of("chainId", "address", "nonce", "yParity", "r", "s").contains(name)) {
                    throw new RpcFormatException(ReasonCode.UNKNOWN_FIELD, name, "not a field of an authorization");
                }
            }
            tuples.add(Rlp.encodeList(scalar(auth, "chainId"),
                    Rlp.encodeBytes(RpcValues.fixed("address", RpcValues.required(auth, "address"), 20).toArray()),
                    scalar(auth, "nonce"), scalar(auth, "yParity"), scalar(auth, "r"), scalar(auth, "s")));
        }
        return Rlp.encodeList(tuples.toArray(new byte[0][]));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> object(String name, Object raw) {
        if (!(raw instanceof Map<?, ?>)) {
            throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, name, "expected an object");
        }
        return (Map<String, ?>) raw;
    }

    /** Typed transactions carry yParity; older nodes report it only as {@code v} (0 or 1). */
    private static byte[] yParity(Map<String, ?> tx) {
        byte[] parity = scalar(tx, tx.containsKey("yParity") ? "yParity" : "v");
        if (tx.containsKey("yParity") && tx.containsKey("v") && !java.util.Arrays.equals(parity, scalar(tx, "v"))) {
            throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, "yParity", "yParity and v disagree");
        }
        return parity;
    }

    private static byte[] accessList(Map<String, ?> tx) {
        List<byte[]> entries = new ArrayList<>();
        for (Object raw : RpcValues.list("accessList", RpcValues.required(tx, "accessList"))) {
            Map<String, ?> entry = object("accessList", raw);
            List<byte[]> keys = new ArrayList<>();
            for (Object key : RpcValues.list("storageKeys", RpcValues.required(entry, "storageKeys"))) {
                keys.add(Rlp.encodeBytes(RpcValues.fixed("storageKeys", key, 32).toArray()));
            }
            entries.add(Rlp.encodeList(
                    Rlp.encodeBytes(RpcValues.fixed("address", RpcValues.required(entry, "address"), 20).toArray()),
                    Rlp.encodeList(keys.toArray(new byte[0][]))));
        }
        return Rlp.encodeList(entries.toArray(new byte[0][]));
    }

    static byte[] scalar(Map<String, ?> object, String name) {
        return Rlp.encodeBytes(RpcValues.quantity(name, RpcValues.required(object, name)).toArray());
    }

    static byte[] data(Map<String, ?> object, String name) {
        return Rlp.encodeBytes(RpcValues.data(name, RpcValues.required(object, name)).toArray());
    }
}
