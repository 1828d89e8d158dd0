package org.custos.verify.evidence;

import java.util.List;
import java.util.Map;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.RpcValues;

/**
 * A claimed event is proven when the receipts of its block have been verified against the header's receiptsRoot
 * and the log at (transactionIndex, block-wide logIndex) has exactly the claimed address, topics and data. The
 * block-wide index is counted over the verified receipts (JSON-RPC {@code logIndex} semantics), never read from
 * the node.
 */
final class EventMatcher {

    private EventMatcher() {
    }

    static VerificationResult match(List<Map<String, ?>> verifiedReceipts, int txIndex, int logIndex,
                                    Map<String, ?> claim) {
        String subject = "event tx " + txIndex + " log " + logIndex;
        if (verifiedReceipts == null) {
            return VerificationResult.rejected(ReasonCode.EVIDENCE_MISSING, subject,
                    "verified receipts of the block", "none");
        }
        int before = 0;
        for (int i = 0; i < txIndex && i < verifiedReceipts.size(); i++) {
            before += RpcValues.list("logs", verifiedReceipts.get(i).get("logs")).size();
        }
        if (txIndex >= verifiedReceipts.size()) {
            return VerificationResult.rejected(ReasonCode.EVENT_NOT_PROVEN, subject,
                    "a transaction at index " + txIndex, verifiedReceipts.size() + " receipts");
        }
        List<?> logs = RpcValues.list("logs", verifiedReceipts.get(txIndex).get("logs"));
        int within = logIndex - before;
        if (within < 0 || within >= logs.size()) {
            return VerificationResult.rejected(ReasonCode.EVENT_NOT_PROVEN, subject,
                    "a log of transaction " + txIndex + " at block log index " + logIndex,
                    "its logs have block indexes " + before + ".." + (before + logs.size() - 1));
        }
        Map<String, ?> log = Values.object(logs.get(within), "log");
        for (String field : List.of("address", "topics", "data")) {
            Object claimed = claim.get(field);
            Object actual = log.get(field);
            if (claimed == null || !normalised(claimed).equals(normalised(actual))) {
                return VerificationResult.rejected(ReasonCode.EVENT_NOT_PROVEN, subject + " " + field,
                        String.valueOf(claimed), String.valueOf(actual));
            }
        }
        return VerificationResult.ok();
    }

    /**
     * The verified log at (transactionIndex, block-wide logIndex) as a proven event, after {@link #match} passed:
     * its values are read from the verified receipt (encoded against receiptsRoot), not from the claim.
     */
    static ProvenEvent proven(int index, java.math.BigInteger block, List<Map<String, ?>> verifiedReceipts,
                              int txIndex, int logIndex) {
        int before = 0;
        for (int i = 0; i < txIndex; i++) {
            before += RpcValues.list("logs", verifiedReceipts.get(i).get("logs")).size();
        }
        Map<String, ?> log = Values.object(RpcValues.list("logs", verifiedReceipts.get(txIndex).get("logs"))
                .get(logIndex - before), "log");
        List<org.custos.verify.Bytes> topics = new java.util.ArrayList<>();
        for (Object topic : RpcValues.list("topics", log.get("topics"))) {
            topics.add(RpcValues.fixed("topics", topic, 32));
        }
        return new ProvenEvent(index, block, logIndex, RpcValues.fixed("address", log.get("address"), 20), topics,
                RpcValues.data("data", log.get("data")));
    }

    private static String normalised(Object value) {
        return String.valueOf(value).toLowerCase(java.util.Locale.ROOT);
    }
}
