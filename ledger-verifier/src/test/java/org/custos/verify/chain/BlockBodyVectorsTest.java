package org.custos.verify.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.testing.Json;
import org.junit.jupiter.api.Test;

/**
 * Transactions, receipts and withdrawals of real mainnet blocks against their (separately verified) headers, and
 * mutations of them. Vectors: ethereum-blocks (see PROVENANCE.md there).
 */
class BlockBodyVectorsTest {

    private static final String CANCUN_RECEIPTS = "vectors/ethereum-blocks/mainnet-21925176-cancun/receipts.json";
    private static final String SHANGHAI_RECEIPTS =
            "vectors/ethereum-blocks/mainnet-17034870-shanghai/receipts.derived-from-portal-rlp.json";

    @Test
    void shanghaiTransactionsHashAndRootMatch() {
        Map<String, Object> block = Blocks.load(Blocks.SHANGHAI);
        assertThat(objects(block.get("transactions"))).hasSize(184);
        assertVerified(BlockBodyVerifier.verifyTransactions(header(block), objects(block.get("transactions"))));
    }

    @Test
    void shanghaiEmptyWithdrawalsGiveTheEmptyTrieRoot() {
        Map<String, Object> block = Blocks.load(Blocks.SHANGHAI);
        assertVerified(BlockBodyVerifier.verifyWithdrawals(header(block), objects(block.get("withdrawals"))));
    }

    @Test
    void shanghaiDerivedReceiptsMatchRootBloomAndGasUsed() {
        Map<String, Object> block = Blocks.load(Blocks.SHANGHAI);
        assertVerified(BlockBodyVerifier.verifyReceipts(header(block), objects(Json.resource(SHANGHAI_RECEIPTS))));
    }

    @Test
    void cancunReceiptsMatchRootBloomAndGasUsed() {
        Map<String, Object> block = Blocks.load(Blocks.CANCUN);
        List<Map<String, Object>> receipts = objects(Json.resource(CANCUN_RECEIPTS));
        assertThat(receipts).hasSize(202);
        assertVerified(BlockBodyVerifier.verifyReceipts(header(block), receipts));
    }

    @Test
    void cancunWithdrawalsMatchRoot() {
        Map<String, Object> block = Blocks.load(Blocks.CANCUN);
        assertThat(objects(block.get("withdrawals"))).hasSize(16);
        assertVerified(BlockBodyVerifier.verifyWithdrawals(header(block), objects(block.get("withdrawals"))));
    }

    @Test
    void alteredTransactionFieldBreaksItsHash() {
        Map<String, Object> block = Blocks.load(Blocks.SHANGHAI);
        List<Map<String, Object>> txs = objects(block.get("transactions"));
        txs.get(5).put("value", "0x1");
        VerificationResult result = BlockBodyVerifier.verifyTransactions(header(block), txs);
        assertThat(result.reason()).isEqualTo(ReasonCode.TRANSACTION_HASH_MISMATCH);
        assertThat(result.subject()).isEqualTo("transaction 5");
    }

    @Test
    void reorderedTransactionsBreakTheRoot() {
        Map<String, Object> block = Blocks.load(Blocks.SHANGHAI);
        List<Map<String, Object>> txs = objects(block.get("transactions"));
        Collections.swap(txs, 0, 1);
        assertThat(BlockBodyVerifier.verifyTransactions(header(block), txs).reason())
                .isEqualTo(ReasonCode.TRANSACTIONS_ROOT_MISMATCH);
    }

    @Test
    void droppedTransactionBreaksTheRoot() {
        Map<String, Object> block = Blocks.load(Blocks.SHANGHAI);
        List<Map<String, Object>> txs = objects(block.get("transactions"));
        txs.remove(txs.size() - 1);
        assertThat(BlockBodyVerifier.verifyTransactions(header(block), txs).reason())
                .isEqualTo(ReasonCode.TRANSACTIONS_ROOT_MISMATCH);
    }

    @Test
    void alteredLogDataBreaksTheReceiptsRoot() {
        Map<String, Object> block = Blocks.load(Blocks.CANCUN);
        List<Map<String, Object>> receipts = objects(Json.resource(CANCUN_RECEIPTS));
        Map<String, Object> log = objects(receipts.get(0).get("logs")).get(0);
        log.put("data", "0x00");
        receipts.get(0).put("logs", replaceFirst(receipts.get(0).get("logs"), log));
        assertThat(BlockBodyVerifier.verifyReceipts(header(block), receipts).reason())
                .isEqualTo(ReasonCode.RECEIPTS_ROOT_MISMATCH);
    }

    @Test
    void alteredLogTopicBreaksTheReceiptBloom() {
        Map<String, Object> block = Blocks.load(Blocks.CANCUN);
        List<Map<String, Object>> receipts = objects(Json.resource(CANCUN_RECEIPTS));
        Map<String, Object> log = objects(receipts.get(0).get("logs")).get(0);
        log.put("topics", List.of("0x" + "ab".repeat(32)));
        receipts.get(0).put("logs", replaceFirst(receipts.get(0).get("logs"), log));
        VerificationResult result = BlockBodyVerifier.verifyReceipts(header(block), receipts);
        assertThat(result.reason()).isEqualTo(ReasonCode.LOGS_BLOOM_MISMATCH);
        assertThat(result.subject()).isEqualTo("receipt 0");
    }

    @Test
    void flippedStatusBreaksTheReceiptsRoot() {
        Map<String, Object> block = Blocks.load(Blocks.CANCUN);
        List<Map<String, Object>> receipts = objects(Json.resource(CANCUN_RECEIPTS));
        receipts.get(3).put("status", "0x1".equals(receipts.get(3).get("status")) ? "0x0" : "0x1");
        assertThat(BlockBodyVerifier.verifyReceipts(header(block), receipts).reason())
                .isEqualTo(ReasonCode.RECEIPTS_ROOT_MISMATCH);
    }

    @Test
    void alteredWithdrawalAmountBreaksTheRoot() {
        Map<String, Object> block = Blocks.load(Blocks.CANCUN);
        List<Map<String, Object>> withdrawals = objects(block.get("withdrawals"));
        withdrawals.get(15).put("amount", "0x1");
        assertThat(BlockBodyVerifier.verifyWithdrawals(header(block), withdrawals).reason())
                .isEqualTo(ReasonCode.WITHDRAWALS_ROOT_MISMATCH);
    }

    @Test
    void unsupportedTransactionTypeIsNotGuessed() {
        Map<String, Object> block = Blocks.load(Blocks.SHANGHAI);
        List<Map<String, Object>> txs = objects(block.get("transactions"));
        txs.get(0).put("type", "0x5");
        RpcFormatException e = catchThrowableOfType(RpcFormatException.class,
                () -> BlockBodyVerifier.verifyTransactions(header(block), txs));
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(ReasonCode.UNSUPPORTED_TRANSACTION_TYPE);
    }

    private static void assertVerified(VerificationResult result) {
        assertThat(result.verified()).as(result.toString()).isTrue();
    }

    private static BlockHeader header(Map<String, Object> block) {
        return RpcHeaderParser.parse(block).header();
    }

    /** Mutable copies of a JSON array of objects (one level deep). */
    private static List<Map<String, Object>> objects(Object array) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object element : (List<?>) array) {
            out.add(new LinkedHashMap<>(Json.object(element)));
        }
        return out;
    }

    private static List<Object> replaceFirst(Object array, Object first) {
        List<Object> out = new ArrayList<>((List<?>) array);
        out.set(0, first);
        return out;
    }
}
