package org.custos.verify.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.ReasonCode;
import org.custos.verify.consensus.Secp256k1Recovery;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpItem;
import org.custos.verify.rlp.RlpList;
import org.custos.verify.testing.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * Synthetic round trips for transaction types 1-4: a transaction is signed in the test over
 * KEC(type || RLP(fields without the signature)) (EIP-2930, EIP-1559, EIP-4844, EIP-7702 signing rule), its JSON
 * form is encoded by {@link TransactionEncoder}, and the encoding must decode to the field count of its type and
 * carry a signature that recovers to the signer over the encoding's own unsigned part. Real type 1, 2 and 4
 * transactions are checked against anvil's roots in {@code AnvilRangeIT}.
 */
class TransactionTypesTest {

    private static final BigInteger KEY = TestKeys.key(3);

    @Test
    void typesOneToFourRoundTripAndRecoverTheSigner() {
        int[][] typeAndItems = {{1, 11}, {2, 12}, {3, 14}, {4, 13}};
        for (int[] t : typeAndItems) {
            Map<String, Object> tx = signed(t[0]);
            byte[] encoding = TransactionEncoder.encode(tx);
            assertThat(encoding[0]).isEqualTo((byte) t[0]);
            RlpList items = (RlpList) Rlp.decode(java.util.Arrays.copyOfRange(encoding, 1, encoding.length));
            assertThat(items.size()).as("type " + t[0]).isEqualTo(t[1]);
            assertThat(signerOf(t[0], items)).as("type " + t[0]).isEqualTo(TestKeys.address(KEY));
        }
    }

    @Test
    void typeThreeAndFourNeedATarget() {
        for (int type : new int[] {3, 4}) {
            Map<String, Object> tx = signed(type);
            tx.remove("to");
            assertThatThrownBy(() -> TransactionEncoder.encode(tx)).isInstanceOf(RpcFormatException.class)
                    .extracting(e -> ((RpcFormatException) e).reason()).isEqualTo(ReasonCode.MISSING_FIELD);
        }
    }

    @Test
    void unknownTypesAndFieldsFailClosed() {
        Map<String, Object> tx = signed(2);
        tx.put("type", "0x5");
        assertThat(reasonOf(tx)).isEqualTo(ReasonCode.UNSUPPORTED_TRANSACTION_TYPE);
        Map<String, Object> withBlobFee = signed(2);
        withBlobFee.put("maxFeePerBlobGas", "0x1");
        assertThat(reasonOf(withBlobFee)).isEqualTo(ReasonCode.UNKNOWN_FIELD);
        Map<String, Object> withAuthorizations = signed(1);
        withAuthorizations.put("authorizationList", List.of());
        assertThat(reasonOf(withAuthorizations)).isEqualTo(ReasonCode.UNKNOWN_FIELD);
        Map<String, Object> type4 = signed(4);
        @SuppressWarnings("unchecked")
        Map<String, Object> auth = new LinkedHashMap<>((Map<String, Object>) ((List<?>) type4.get("authorizationList")).get(0));
        auth.put("extra", "0x1");
        type4.put("authorizationList", List.of(auth));
        assertThat(reasonOf(type4)).isEqualTo(ReasonCode.UNKNOWN_FIELD);
        Map<String, Object> disagreeing = signed(2);
        disagreeing.put("v", "0x1".equals(disagreeing.get("yParity")) ? "0x0" : "0x1");
        assertThat(reasonOf(disagreeing)).isEqualTo(ReasonCode.MALFORMED_FIELD);
    }

    @Test
    void blobSidecarIsNotCommittedButOnlyAllowedOnTypeThree() {
        Map<String, Object> tx = signed(3);
        byte[] canonical = TransactionEncoder.encode(tx);
        tx.put("blobs", List.of("0x00"));
        assertThat(TransactionEncoder.encode(tx)).isEqualTo(canonical);
        Map<String, Object> type2 = signed(2);
        type2.put("blobs", List.of("0x00"));
        assertThat(reasonOf(type2)).isEqualTo(ReasonCode.UNKNOWN_FIELD);
    }

    private static ReasonCode reasonOf(Map<String, Object> tx) {
        try {
            TransactionEncoder.encode(tx);
            return null;
        } catch (RpcFormatException e) {
            return e.reason();
        }
    }

    private static Bytes signerOf(int type, RlpList items) {
        List<RlpItem> unsigned = new ArrayList<>(items.items().subList(0, items.size() - 3));
        byte[] payload = Rlp.encode(new RlpList(unsigned));
        byte[] hash = Hashes.keccak256(new byte[] {(byte) type}, payload);
        byte[] sig = new byte[65];
        copyScalar(items.get(items.size() - 2), sig, 0);
        copyScalar(items.get(items.size() - 1), sig, 32);
        byte[] parity = ((org.custos.verify.rlp.RlpString) items.get(items.size() - 3)).bytes();
        sig[64] = parity.length == 0 ? 0 : parity[0];
        return Secp256k1Recovery.recoverAddress(hash, sig).orElseThrow();
    }

    private static void copyScalar(RlpItem item, byte[] out, int offset) {
        byte[] value = ((org.custos.verify.rlp.RlpString) item).bytes();
        System.arraycopy(value, 0, out, offset + 32 - value.length, value.length);
    }

    /** A JSON-RPC shaped transaction of the given type, signed over its own unsigned encoding. */
    static Map<String, Object> signed(int type) {
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("type", "0x" + type);
        tx.put("chainId", "0x1092");
        tx.put("nonce", "0x7");
        if (type == 1) {
            tx.put("gasPrice", "0x3b9aca00");
        } else {
            tx.put("maxPriorityFeePerGas", "0x3b9aca00");
            tx.put("maxFeePerGas", "0x77359400");
        }
        tx.put("gas", "0x5208");
        tx.put("to", "0x" + "70".repeat(20));
        tx.put("value", "0xde0b6b3a7640000");
        tx.put("input", "0xc0ffee");
        tx.put("accessList", List.of(Map.of("address", "0x" + "11".repeat(20),
                "storageKeys", List.of("0x" + "00".repeat(31) + "01"))));
        if (type == 3) {
            tx.put("maxFeePerBlobGas", "0x2");
            tx.put("blobVersionedHashes", List.of("0x01" + "ab".repeat(31)));
        }
        if (type == 4) {
            tx.put("authorizationList", List.of(Map.of("chainId", "0x1092", "address", "0x" + "22".repeat(20),
                    "nonce", "0x0", "yParity", "0x1", "r", "0x" + "33".repeat(32), "s", "0x" + "44".repeat(32))));
        }
        tx.put("yParity", "0x0");
        tx.put("r", "0x1");
        tx.put("s", "0x1");
        byte[] encoding = TransactionEncoder.encode(tx);
        RlpList items = (RlpList) Rlp.decode(java.util.Arrays.copyOfRange(encoding, 1, encoding.length));
        byte[] unsigned = Rlp.encode(new RlpList(items.items().subList(0, items.size() - 3)));
        byte[] sig = TestKeys.sign(Hashes.keccak256(new byte[] {(byte) type}, unsigned), KEY);
        tx.put("yParity", "0x" + sig[64]);
        tx.put("v", "0x" + sig[64]);
        tx.put("r", quantity(java.util.Arrays.copyOfRange(sig, 0, 32)));
        tx.put("s", quantity(java.util.Arrays.copyOfRange(sig, 32, 64)));
        tx.put("hash", Bytes.of(Hashes.keccak256(TransactionEncoder.encode(tx))).toHex());
        return tx;
    }

    private static String quantity(byte[] bytes) {
        return "0x" + new BigInteger(1, bytes).toString(16);
    }
}
