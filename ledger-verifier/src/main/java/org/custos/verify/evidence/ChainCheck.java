package org.custos.verify.evidence;

import java.math.BigInteger;
import java.util.Map;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.ClaimedHeader;
import org.custos.verify.chain.RpcFormatException;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.consensus.SealedChainVerifier;
import org.custos.verify.consensus.ValidatorHistory;

/**
 * The chain check of one transcript block at a time, in order: the header parses (fail closed; the checkpoint's by
 * {@link RpcHeaderParser#parseCheckpoint}), the block at position i is block checkpoint + i
 * ({@code CHECKPOINT_MISMATCH} for the first, {@code NUMBER_GAP} for a block served for another number or
 * repeated), and the segment passes {@link SealedChainVerifier} for the pinned consensus (its cursor: the previous
 * header and the replayed validator set are all that is kept).
 */
final class ChainCheck {

    /** The verified header, or the failure with its check and the block requested at that position. */
    record Step(ClaimedHeader header, VerificationResult failure, String check, Long block) {
    }

    private final BigInteger first;
    private final SealedChainVerifier.Segment segment;
    private int position;

    ChainCheck(ChainParameters parameters) {
        this.first = parameters.checkpointNumber();
        this.segment = parameters.chainVerifier().start(parameters.checkpointHash());
    }

    Step next(Map<String, ?> block) {
        int i = position++;
        BigInteger expected = first.add(BigInteger.valueOf(i));
        ClaimedHeader header;
        try {
            header = i == 0 ? RpcHeaderParser.parseCheckpoint(block) : RpcHeaderParser.parse(block);
        } catch (RpcFormatException e) {
            return failed(VerificationResult.rejected(e.reason(), "block " + expected + " header." + e.field(),
                    "a hashable header", e.getMessage()), "header", expected.longValue());
        }
        BigInteger number = header.header().number();
        if (!number.equals(expected)) {
            return i == 0
                    ? failed(VerificationResult.rejected(ReasonCode.CHECKPOINT_MISMATCH, "checkpoint number",
                            expected.toString(), number.toString()), "checkpoint", expected.longValue())
                    : failed(VerificationResult.rejected(ReasonCode.NUMBER_GAP, "block " + expected,
                            "block " + expected + " at position " + i + " of the range",
                            "a header numbered " + number), "chain", expected.longValue());
        }
        VerificationResult result = segment.next(header);
        if (!result.verified()) {
            return failed(result, "chain", numberInSubject(result.subject()));
        }
        return new Step(header, null, null, null);
    }

    String scope() {
        return segment.scope();
    }

    ValidatorHistory validators() {
        return segment.validators();
    }

    private static Step failed(VerificationResult result, String check, Long block) {
        return new Step(null, result, check, block);
    }

    /** The block a chain failure names ("block N", "block N seal 2", ...); numbers there equal positions. */
    private static Long numberInSubject(String subject) {
        java.util.regex.Matcher m = subject == null ? null
                : java.util.regex.Pattern.compile("^block (\\d{1,18})(\\s.*)?$").matcher(subject);
        return m != null && m.matches() ? Long.parseLong(m.group(1)) : null;
    }
}
