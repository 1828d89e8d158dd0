package org.custos.verify.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.custos.verify.Bytes;
import org.custos.verify.Hashes;
import org.custos.verify.ReasonCode;
import org.custos.verify.consensus.EcRecover;
import org.custos.verify.rlp.Rlp;
import org.custos.verify.rlp.RlpItem;
import org.custos.verify.rlp.RlpList;
import org.custos.verify.rlp.RlpString;
import org.custos.verify.testing.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * The sender recovered from the signature over the canonical encoding: real mainnet transactions (EIP-1559 and
 * EIP-155 legacy) against the node's {@code from}, the EIP-155 example, synthetic Homestead legacy and types 1-4
 * signed in the test, and signatures outside the rules (high s, bad v or yParity, oversized r) giving no sender.
 */
class TransactionSenderTest {

    private static final BigInteger KEY = TestKeys.key(3);
    private static final TransactionSender.AddressRecovery NATIVE = EcRecover.preferred()::recoverAddress;
    private static final TransactionSender.AddressRecovery JAVA = EcRecover.pureJava()::recoverAddress;

    @Test
    void everyShanghaiTransactionRecoversToTheNodesFrom() {
        List<?> txs = (List<?>) Blocks.load(Blocks.SHANGHAI).get("transactions");
        int legacy = 0;
        int dynamicFee = 0;
        for (Object raw : txs) {
            @SuppressWarnings("unchecked")
            Map<String, Object> tx = (Map<String, Object>) raw;
            Bytes from = Bytes.fromHex((String) tx.get("from"));
            assertThat(TransactionSender.recover(tx, NATIVE)).as((String) tx.get("hash")).contains(from);
            assertThat(TransactionSender.recover(tx, JAVA)).as((String) tx.get("hash")).contains(from);
            if ("0x0".equals(tx.get("type"))) {
                legacy++;
            } else {
                dynamicFee++;
            }
        }
        assertThat(legacy).isEqualTo(36);
        assertThat(dynamicFee).isEqualTo(148);
    }

    @Test
    void theEip155Example() {
        byte[] tx = Bytes.fromHex("f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400"
                + "008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703"
                + "304b3800ccf555c9f3dc64214b297fb1966a3b6d83").toArray();
        assertThat(TransactionSender.recover(tx, NATIVE))
                .contains(Bytes.fromHex("9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f"));
    }

    @Test
    void typedTransactionsOneToFourRecoverTheirSigner() {
        for (int type = 1; type <= 4; type++) {
            Map<String, Object> tx = lowS(TransactionTypesTest.signed(type));
            assertThat(TransactionSender.recover(tx, NATIVE)).as("type " + type).contains(TestKeys.address(KEY));
            Map<String, Object> changed = lowS(TransactionTypesTest.signed(type));
            changed.put("input", "0xc0ffef");
            assertThat(TransactionSender.recover(changed, NATIVE)).as("type " + type)
                    .isNotEqualTo(Optional.of(TestKeys.address(KEY)));
        }
    }

    @Test
    void homesteadAndEip155LegacyRecoverTheirSigner() {
        assertThat(TransactionSender.recover(legacy(KEY, null), NATIVE)).contains(TestKeys.address(KEY));
        assertThat(TransactionSender.recover(legacy(KEY, 4242L), NATIVE)).contains(TestKeys.address(KEY));
        assertThat(TransactionSender.recover(legacy(KEY, 0L), NATIVE)).contains(TestKeys.address(KEY));
    }

    @Test
    void signaturesOutsideTheRulesProveNoSender() {
        RlpList good = (RlpList) Rlp.decode(legacy(KEY, 4242L));
        BigInteger s = ((RlpString) good.get(8)).asScalar();
        BigInteger v = ((RlpString) good.get(6)).asScalar();
        // the same signature with s' = n - s and the other parity recovers the same key but is not canonical (EIP-2)
        byte[] highS = with(good, RlpString.ofScalar(v.testBit(0) ? v.add(BigInteger.ONE) : v.subtract(BigInteger.ONE)),
                RlpString.ofScalar(TestKeys.n().subtract(s)));
        assertThat(TransactionSender.recover(highS, NATIVE)).isEmpty();
        for (long badV : new long[] {0, 1, 26, 29, 34}) {
            assertThat(TransactionSender.recover(with(good, RlpString.ofScalar(badV), good.get(8)), NATIVE))
                    .as("v " + badV).isEmpty();
        }
        byte[] longR = withR(good, RlpString.of(new byte[33]));
        assertThat(TransactionSender.recover(longR, NATIVE)).isEmpty();
        byte[] zeroR = withR(good, RlpString.empty());
        assertThat(TransactionSender.recover(zeroR, NATIVE)).isEmpty();

        Map<String, Object> type2 = lowS(TransactionTypesTest.signed(2));
        type2.put("yParity", "0x2");
        type2.put("v", "0x2");
        assertThat(TransactionSender.recover(type2, NATIVE)).isEmpty();
    }

    @Test
    void bytesThatAreNoTransactionThrow() {
        assertThat(reasonOf(new byte[0])).isEqualTo(ReasonCode.MALFORMED_FIELD);
        assertThat(reasonOf(new byte[] {5, (byte) 0xc0})).isEqualTo(ReasonCode.UNSUPPORTED_TRANSACTION_TYPE);
        assertThat(reasonOf(new byte[] {0x7f})).isEqualTo(ReasonCode.UNSUPPORTED_TRANSACTION_TYPE);
        assertThat(reasonOf(new byte[] {2, (byte) 0xc1})).isEqualTo(ReasonCode.MALFORMED_FIELD);
        assertThat(reasonOf(Rlp.encodeList(Rlp.encodeBytes(new byte[] {1})))).isEqualTo(ReasonCode.MALFORMED_FIELD);
        byte[] type2 = TransactionEncoder.encode(TransactionTypesTest.signed(2));
        assertThat(reasonOf(Arrays.copyOf(type2, type2.length - 1))).isEqualTo(ReasonCode.MALFORMED_FIELD);
        RlpList good = (RlpList) Rlp.decode(legacy(KEY, null));
        assertThat(reasonOf(withR(good, new RlpList(List.of())))).isEqualTo(ReasonCode.MALFORMED_FIELD);
        assertThatThrownBy(() -> TransactionSender.recover((byte[]) null, NATIVE))
                .isInstanceOf(RpcFormatException.class);
    }

    /** The test signer does not normalise s; the network (EIP-2) requires s <= n/2: flip s and the parity. */
    private static Map<String, Object> lowS(Map<String, Object> tx) {
        BigInteger s = new BigInteger(((String) tx.get("s")).substring(2), 16);
        if (s.compareTo(TestKeys.n().shiftRight(1)) > 0) {
            String parity = "0x0".equals(tx.get("yParity")) ? "0x1" : "0x0";
            tx.put("s", "0x" + TestKeys.n().subtract(s).toString(16));
            tx.put("yParity", parity);
            tx.put("v", parity);
        }
        return tx;
    }

    private static ReasonCode reasonOf(byte[] encoded) {
        try {
            TransactionSender.recover(encoded, NATIVE);
            return null;
        } catch (RpcFormatException e) {
            return e.reason();
        }
    }

    private static byte[] with(RlpList tx, RlpItem v, RlpItem s) {
        List<RlpItem> items = new java.util.ArrayList<>(tx.items());
        items.set(6, v);
        items.set(8, s);
        return Rlp.encode(new RlpList(items));
    }

    private static byte[] withR(RlpList tx, RlpItem r) {
        List<RlpItem> items = new java.util.ArrayList<>(tx.items());
        items.set(7, r);
        return Rlp.encode(new RlpList(items));
    }

    /** A legacy transaction signed in the test: Homestead without chain id, else EIP-155. */
    private static byte[] legacy(BigInteger key, Long chainId) {
        List<RlpItem> fields = new java.util.ArrayList<>(List.of(RlpString.ofScalar(9),
                RlpString.ofScalar(20_000_000_000L), RlpString.ofScalar(21_000),
                RlpString.of(Bytes.fromHex("35".repeat(20)).toArray()), RlpString.ofScalar(1_000),
                RlpString.of(new byte[] {0x12, 0x34})));
        List<RlpItem> signed = new java.util.ArrayList<>(fields);
        if (chainId != null) {
            signed.add(RlpString.ofScalar(chainId));
            signed.add(RlpString.empty());
            signed.add(RlpString.empty());
        }
        byte[] sig = TestKeys.sign(Hashes.keccak256(Rlp.encode(new RlpList(signed))), key);
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
        int recId = sig[64];
        if (s.compareTo(TestKeys.n().shiftRight(1)) > 0) {
            s = TestKeys.n().subtract(s);
            recId ^= 1;
        }
        long v = chainId == null ? 27 + recId : 35 + 2 * chainId + recId;
        fields.add(RlpString.ofScalar(v));
        fields.add(RlpString.ofScalar(new BigInteger(1, Arrays.copyOfRange(sig, 0, 32))));
        fields.add(RlpString.ofScalar(s));
        return Rlp.encode(new RlpList(fields));
    }
}
