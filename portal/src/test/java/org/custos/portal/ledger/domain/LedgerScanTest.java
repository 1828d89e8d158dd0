package org.custos.portal.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.verify.Hex;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The sync's scan of a block's proven transactions and logs: inputs, creation code and every log of any contract;
 * the sender recovered from the signature of a transaction signed by Web3j (an independent signer), only for
 * transactions with a hit; block-wide log indexes; nothing stored for a clean block.
 */
class LedgerScanTest {

    private static final Credentials KEY = Credentials.create("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    private static final Instant T = Instant.parse("2025-02-01T00:00:00Z");
    private static final String OTHER_CONTRACT = "0x" + "c0".repeat(20);

    @Test
    void inputsCreationCodeAndLogsOfAnyContractWithTheRecoveredSender() {
        String email = Hex.encode("write to jane.doe@example.org".getBytes(StandardCharsets.US_ASCII));
        Map<String, Object> plain = signed(0, "0x" + "de".repeat(20), "0x" + email);
        Map<String, Object> creation = signed(1, null, "0x600f600c600039600f6000f3" + email);
        Map<String, Object> clean = signed(2, OTHER_CONTRACT, "0xa9059cbb" + "00".repeat(12) + "11".repeat(20)
                + "00".repeat(31) + "05");
        Map<String, Object> cleanLog = log(OTHER_CONTRACT, List.of("0x" + "ab".repeat(32)), "0x" + "00".repeat(32));
        Map<String, Object> piiLog = log(OTHER_CONTRACT, List.of("0x" + "ab".repeat(32), "0x" + Hex.encode(
                java.util.Arrays.copyOf("+44 20 7946 0958 (mobile)".getBytes(StandardCharsets.US_ASCII), 32))),
                "0x" + email);
        List<PersonalDataHit> hits = LedgerScan.scan(7, T, List.of(plain, creation, clean), List.of(
                receipt(List.of(cleanLog)), receipt(List.of()), receipt(List.of(cleanLog, piiLog))));
        assertThat(hits).extracting(PersonalDataHit::getPlace, PersonalDataHit::getTxIndex, PersonalDataHit::getLogIndex,
                PersonalDataHit::getKind).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("INPUT", 0, null, "e-mail address"),
                        org.assertj.core.groups.Tuple.tuple("CREATION", 1, null, "e-mail address"),
                        org.assertj.core.groups.Tuple.tuple("LOG_TOPIC", 2, 2, "phone number"),
                        org.assertj.core.groups.Tuple.tuple("LOG_DATA", 2, 2, "e-mail address"));
        String sender = KEY.getAddress().toLowerCase();
        assertThat(hits).allSatisfy(h -> {
            assertThat(h.getSender()).isEqualTo(sender);
            assertThat(h.getBlockNumber()).isEqualTo(7);
            assertThat(h.getBlockTime()).isEqualTo(T);
        });
        assertThat(hits.get(0).getContract()).isEqualTo("0x" + "de".repeat(20));
        assertThat(hits.get(0).getByteOffset()).isEqualTo("write to ".length());
        assertThat(hits.get(0).getTxHash()).isEqualTo(plain.get("hash"));
        assertThat(hits.get(1).getContract()).isNull();
        assertThat(hits.get(2).getTopicIndex()).isEqualTo(1);
        assertThat(hits.get(2).placeKey()).isEqualTo("log:2");
        assertThat(hits).extracting(PersonalDataHit::getId).doesNotHaveDuplicates()
                .allMatch(id -> id / PersonalDataHit.PER_BLOCK == 7);
    }

    @Test
    void aCleanBlockHasNoHitsAndAnEmptyOneNeither() {
        Map<String, Object> clean = signed(0, OTHER_CONTRACT, "0x38ed1739" + "00".repeat(31) + "40" + "ff".repeat(32));
        assertThat(LedgerScan.scan(3, T, List.of(clean), List.of(receipt(List.of(log(OTHER_CONTRACT,
                List.of("0x" + "01".repeat(32)), "0x")))))).isEmpty();
        assertThat(LedgerScan.scan(4, T, List.of(), List.of())).isEmpty();
    }

    /** An EIP-1559 transaction signed by Web3j, as a node's JSON-RPC object. */
    private static Map<String, Object> signed(long nonce, String to, String input) {
        long chainId = 4242;
        RawTransaction raw = RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce),
                BigInteger.valueOf(300_000), to == null ? "" : to, BigInteger.ZERO, input, BigInteger.ONE,
                BigInteger.TEN);
        byte[] signed = TransactionEncoder.signMessage(raw, KEY);
        SignedRawTransaction tx = (SignedRawTransaction) TransactionDecoder.decode(Numeric.toHexString(signed));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "0x2");
        m.put("chainId", "0x" + Long.toHexString(chainId));
        m.put("nonce", Numeric.encodeQuantity(BigInteger.valueOf(nonce)));
        m.put("maxPriorityFeePerGas", "0x1");
        m.put("maxFeePerGas", "0xa");
        m.put("gas", Numeric.encodeQuantity(BigInteger.valueOf(300_000)));
        m.put("to", to);
        m.put("value", "0x0");
        m.put("input", input);
        m.put("accessList", List.of());
        int parity = tx.getSignatureData().getV()[0] & 0xff;
        m.put("yParity", "0x" + Integer.toHexString(parity >= 27 ? parity - 27 : parity));
        m.put("r", Numeric.encodeQuantity(Numeric.toBigInt(tx.getSignatureData().getR())));
        m.put("s", Numeric.encodeQuantity(Numeric.toBigInt(tx.getSignatureData().getS())));
        m.put("hash", Numeric.toHexString(Hash.sha3(signed)));
        return m;
    }

    private static Map<String, Object> receipt(List<Map<String, Object>> logs) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("logs", logs);
        return r;
    }

    private static Map<String, Object> log(String address, List<String> topics, String data) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("address", address);
        l.put("topics", topics);
        l.put("data", data);
        return l;
    }
}
