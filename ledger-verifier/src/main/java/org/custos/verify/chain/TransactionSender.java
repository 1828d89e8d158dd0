package org.custos.verify.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.ReasonCode;
import org.custos.verify.rlp.MalformedRlpException;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpItem;
import org.custos.verify.rlp.RlpList;
import org.custos.verify.rlp.RlpString;

/**
 * The sender of a transaction, recovered from its signature over the transaction's own canonical encoding (the
 * bytes {@link TransactionEncoder} produces and the transactions trie commits to), never taken from the node's
 * {@code from} field.
 *
 * <ul>
 *   <li>legacy, {@code v} 27 or 28 (Homestead): signed KEC(RLP([nonce, gasPrice, gas, to, value, input]));</li>
 *   <li>legacy, {@code v >= 35} (EIP-155): chainId = (v - 35) / 2, signed KEC(RLP([nonce, gasPrice, gas, to,
 *       value, input, chainId, 0, 0])), recovery id (v - 35) mod 2;</li>
 *   <li>types 1 (EIP-2930), 2 (EIP-1559), 3 (EIP-4844), 4 (EIP-7702): signed KEC(type || RLP(every field but
 *       yParity, r, s)), recovery id yParity (0 or 1).</li>
 * </ul>
 * As the network requires (EIP-2), {@code s} must be at most n/2, {@code r} and {@code s} in [1, n-1]. A
 * signature outside these rules (other {@code v}, a yParity other than 0 or 1, high s, r or s longer than 32
 * bytes, a point not on the curve) gives an empty result: no sender is proven. An encoding that is not a
 * transaction of a supported type (wrong item count, a list where a value belongs, bad RLP, unknown type byte)
 * throws {@link RpcFormatException}. For EIP-7702 the sender is the signer of the transaction, not of its
 * authorizations.
 *
 * <p>The elliptic-curve recovery itself is passed in ({@link AddressRecovery}; callers pass
 * {@code EcRecover.preferred()::recoverAddress} from the consensus package, which the chain package must not depend
 * on), so this class only decides what was signed and by which signature.
 */
public final class TransactionSender {

    private static final BigInteger N = new BigInteger(
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
    private static final BigInteger HALF_N = N.shiftRight(1);
    private static final BigInteger V_EIP155 = BigInteger.valueOf(35);

    private TransactionSender() {
    }

    /** secp256k1 address recovery from a 32-byte hash and a 65-byte {@code r ‖ s ‖ recoveryId} signature. */
    @FunctionalInterface
    public interface AddressRecovery {
        /** The signer's address, or empty when the signature does not recover. */
        Optional<Bytes> recoverAddress(byte[] hash32, byte[] signature65);
    }

    /** What a transaction's signature covers and the signature in the 65-byte form {@code r ‖ s ‖ recoveryId}. */
    public record Signature(byte[] signingHash, byte[] rsv) {
    }

    /** The sender of a JSON-RPC transaction object: {@link #recover(byte[], AddressRecovery)} of its encoding. */
    public static Optional<Bytes> recover(Map<String, ?> rpcTransaction, AddressRecovery recovery) {
        return recover(TransactionEncoder.encode(rpcTransaction), recovery);
    }

    /**
     * The sender of a canonically encoded transaction, or empty if its signature proves none.
     *
     * @throws RpcFormatException if the bytes are not a transaction of a supported type
     */
    public static Optional<Bytes> recover(byte[] encoded, AddressRecovery recovery) {
        return signature(encoded).flatMap(sig -> recovery.recoverAddress(sig.signingHash(), sig.rsv()));
    }

    /**
     * The signing hash and signature of a canonically encoded transaction (EIP-2718: a legacy RLP list, or a type
     * byte 1..4 and the RLP list of that type), or empty if the signature is outside the rules above.
     *
     * @throws RpcFormatException if the bytes are not a transaction of a supported type
     */
    public static Optional<Signature> signature(byte[] encoded) {
        if (encoded == null || encoded.length == 0) {
            throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, "transaction", "empty");
        }
        int first = encoded[0] & 0xff;
        if (first >= 0xc0) {
            return legacy(items(encoded, 0, 9));
        }
        int count = switch (first) {
            case 1 -> 11;
            case 2 -> 12;
            case 3 -> 14;
            case 4 -> 13;
            default -> throw new RpcFormatException(ReasonCode.UNSUPPORTED_TRANSACTION_TYPE,
                    "type", "type " + first);
        };
        List<RlpItem> items = items(encoded, 1, count);
        byte[] parity = value(items, count - 3);
        if (parity.length > 1 || parity.length == 1 && parity[0] != 1) {
            return Optional.empty();
        }
        byte[] unsigned = Rlp.encode(new RlpList(items.subList(0, count - 3)));
        byte[] hash = Hashes.keccak256(new byte[] {(byte) first}, unsigned);
        return signature(hash, value(items, count - 2), value(items, count - 1), parity.length);
    }

    private static Optional<Signature> legacy(List<RlpItem> items) {
        BigInteger v = new BigInteger(1, value(items, 6));
        List<RlpItem> signed;
        int recoveryId;
        if (v.equals(BigInteger.valueOf(27)) || v.equals(BigInteger.valueOf(28))) {
            signed = items.subList(0, 6);
            recoveryId = v.intValue() - 27;
        } else if (v.compareTo(V_EIP155) >= 0) {
            BigInteger offset = v.subtract(V_EIP155);
            RlpItem chainId = RlpString.ofScalar(offset.shiftRight(1));
            signed = new ArrayList<>(items.subList(0, 6));
            signed.add(chainId);
            signed.add(RlpString.empty());
            signed.add(RlpString.empty());
            recoveryId = offset.testBit(0) ? 1 : 0;
        } else {
            return Optional.empty();
        }
        byte[] hash = Hashes.keccak256(Rlp.encode(new RlpList(signed)));
        return signature(hash, value(items, 7), value(items, 8), recoveryId);
    }

    private static Optional<Signature> signature(byte[] hash, byte[] r, byte[] s, int recoveryId) {
        if (r.length > 32 || s.length > 32) {
            return Optional.empty();
        }
        BigInteger sValue = new BigInteger(1, s);
        BigInteger rValue = new BigInteger(1, r);
        if (rValue.signum() == 0 || rValue.compareTo(N) >= 0 || sValue.signum() == 0
                || sValue.compareTo(HALF_N) > 0) {
            return Optional.empty();
        }
        byte[] signature = new byte[65];
        System.arraycopy(r, 0, signature, 32 - r.length, r.length);
        System.arraycopy(s, 0, signature, 64 - s.length, s.length);
        signature[64] = (byte) recoveryId;
        return Optional.of(new Signature(hash, signature));
    }

    private static List<RlpItem> items(byte[] encoded, int from, int count) {
        RlpItem decoded;
        try {
            decoded = Rlp.decode(from == 0 ? encoded : Arrays.copyOfRange(encoded, from, encoded.length));
        } catch (MalformedRlpException e) {
            throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, "transaction",
                    "not RLP: " + e.getMessage());
        }
        if (!(decoded instanceof RlpList list) || list.size() != count) {
            throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, "transaction",
                    "expected a list of " + count + " fields");
        }
        return list.items();
    }

    private static byte[] value(List<RlpItem> items, int index) {
        if (!(items.get(index) instanceof RlpString string)) {
            throw new RpcFormatException(ReasonCode.MALFORMED_FIELD, "transaction",
                    "field " + index + " must be a byte string");
        }
        return string.bytes();
    }
}
