package org.custos.verify.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.rlp.Rlp;

/**
 * The canonical encoding of a transaction from its JSON-RPC object: the bytes whose KEC is the transaction hash
 * and that are stored in the transactions trie (EIP-2718).
 *
 * <ul>
 *   <li>type 0, legacy (Yellow Paper §4.2, EIP-155): RLP([nonce, gasPrice, gas, to, value, input, v, r, s]);</li>
 *   <li>type 2, EIP-1559: 0x02 || RLP([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value,
 *       input, accessList, yParity, r, s]) with accessList = [[address, [storageKey, ...]], ...] (EIP-2930).</li>
 * </ul>
 * Other types (1, 3, 4, ...) are rejected with {@code UNSUPPORTED_TRANSACTION_TYPE}: no real test vector for
 * them is in the project yet, and an unverified encoder would turn a bug into a false verdict.
 */
public final class TransactionEncoder {

    private TransactionEncoder() {
    }

    /** @throws RpcFormatException for a missing or malformed field, or an unsupported type */
    public static byte[] encode(Map<String, ?> tx) {
        Bytes type = RpcValues.quantity("type", RpcValues.required(tx, "type"));
        if (type.length() == 0) {
            return legacy(tx);
        }
        if (type.length() == 1 && type.get(0) == 2) {
            byte[] payload = Rlp.encodeList(scalar(tx, "chainId"), scalar(tx, "nonce"),
                    scalar(tx, "maxPriorityFeePerGas"), scalar(tx, "maxFeePerGas"), scalar(tx, "gas"), to(tx),
                    scalar(tx, "value"), data(tx, "input"), accessList(tx), yParity(tx), scalar(tx, "r"),
                    scalar(tx, "s"));
            return typed(2, payload);
        }
        throw new RpcFormatException(ReasonCode.UNSUPPORTED_TRANSACTION_TYPE, "type", "type " + type);
    }

    private static byte[] legacy(Map<String, ?> tx) {
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
            @SuppressWarnings("unchecked")
            Map<String, ?> entry = (Map<String, ?>) raw;
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
