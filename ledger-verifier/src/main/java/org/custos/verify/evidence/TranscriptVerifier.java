package org.custos.verify.evidence;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.BlockBodyVerifier;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.ClaimedHeader;
import org.custos.verify.chain.HeaderField;
import org.custos.verify.chain.RpcFormatException;
import org.custos.verify.chain.RpcHeaderParser;
import org.custos.verify.chain.RpcValues;
import org.custos.verify.consensus.SegmentVerdict;
import org.custos.verify.merkle.ConsistencyProofVerifier;
import org.custos.verify.merkle.InclusionProofVerifier;
import org.custos.verify.state.Eip1186ProofVerifier;

/**
 * Re-verifies a {@code custos-evidence/1} transcript, in this order, stopping at the first failure:
 * <ol>
 *   <li>chain: every header parses (fail closed), the first block is the pinned checkpoint (number and hash) and
 *       the segment passes {@link org.custos.verify.consensus.SealedChainVerifier} for the pinned consensus;</li>
 *   <li>bodies, per block in order: transactions root (if full transaction objects are given; hashes or no
 *       {@code transactions} member: header only), receipts root,
 *       receipt and header blooms and gasUsed (if receipts are given), withdrawals root (if given);</li>
 *   <li>each claimed event equals the log at its (block, transactionIndex, logIndex) in verified receipts, the
 *       block-wide log index counted here, not read from the node ({@code EVENT_NOT_PROVEN},
 *       {@code EVIDENCE_MISSING});</li>
 *   <li>each EIP-1186 proof against the stateRoot of its (verified) block;</li>
 *   <li>each RFC 9162 inclusion or consistency proof (their roots must be anchored separately).</li>
 * </ol>
 * Malformed transcripts (wrong version, missing sections, malformed values) throw
 * {@link IllegalArgumentException}; data that cannot be encoded exactly is a rejection with its reason code.
 */
public final class TranscriptVerifier {

    public static final String VERSION = "custos-evidence/1";

    private final Map<String, ?> transcript;
    private final Map<BigInteger, BlockHeader> headers = new HashMap<>();
    private final Map<BigInteger, List<Map<String, ?>>> receiptsByBlock = new HashMap<>();
    private int blocks;
    private int transactions;
    private int receipts;
    private int events;
    private int stateProofs;
    private int merkleProofs;
    private String scope = "";

    private TranscriptVerifier(Map<String, ?> transcript) {
        this.transcript = transcript;
    }

    public static EvidenceReport verify(Map<String, ?> transcript) {
        Object version = transcript.get("version");
        if (!VERSION.equals(version)) {
            throw new IllegalArgumentException("not a " + VERSION + " transcript: version " + version);
        }
        return new TranscriptVerifier(transcript).run();
    }

    /** Reads the chain parameters of a transcript's {@code chain} member. */
    public static ChainParameters parameters(Map<String, ?> chain) {
        Map<String, ?> checkpoint = object(chain.get("checkpoint"), "chain.checkpoint");
        List<Bytes> validators = new ArrayList<>();
        Object listed = chain.get("validators");
        for (Object v : listed == null ? List.of() : RpcValues.list("validators", listed)) {
            validators.add(RpcValues.fixed("validators", v, 20));
        }
        Object epoch = chain.get("epochLength");
        return new ChainParameters(String.valueOf(chain.get("consensus")),
                number(RpcValues.required(checkpoint, "number"), "checkpoint.number"),
                RpcValues.fixed("checkpoint.hash", RpcValues.required(checkpoint, "hash"), 32), validators,
                epoch == null ? 30000 : number(epoch, "epochLength").longValueExact());
    }

    private EvidenceReport run() {
        ChainParameters parameters = parameters(object(transcript.get("chain"), "chain"));
        List<Map<String, ?>> entries = objects(transcript.get("blocks"), "blocks");
        EvidenceReport failure = verifyChain(parameters, entries);
        if (failure != null) {
            return failure;
        }
        for (Map<String, ?> entry : entries) {
            failure = verifyBody(entry);
            if (failure != null) {
                return failure;
            }
        }
        failure = verifyEvents();
        if (failure == null) {
            failure = verifyStateProofs();
        }
        if (failure == null) {
            failure = verifyMerkleProofs();
        }
        return failure != null ? failure : report(VerificationResult.ok(), null, null);
    }

    private EvidenceReport verifyChain(ChainParameters parameters, List<Map<String, ?>> entries) {
        List<ClaimedHeader> claimed = new ArrayList<>();
        for (Map<String, ?> entry : entries) {
            Map<String, ?> block = object(entry.get("block"), "blocks[].block");
            try {
                claimed.add(RpcHeaderParser.parse(block));
            } catch (RpcFormatException e) {
                return report(VerificationResult.rejected(e.reason(), "header." + e.field(), "a hashable header",
                        e.getMessage()), "header", blockNumberOf(block));
            }
        }
        if (!claimed.isEmpty() && !claimed.get(0).header().number().equals(parameters.checkpointNumber())) {
            return report(VerificationResult.rejected(ReasonCode.CHECKPOINT_MISMATCH, "checkpoint number",
                    parameters.checkpointNumber().toString(), claimed.get(0).header().number().toString()),
                    "checkpoint", claimed.get(0).header().number().longValue());
        }
        SegmentVerdict verdict = parameters.chainVerifier().verify(parameters.checkpointHash(), claimed);
        scope = verdict.scope();
        if (!verdict.verified()) {
            return report(verdict.result(), "chain", numberInSubject(verdict.result().subject()));
        }
        for (ClaimedHeader header : claimed) {
            headers.put(header.header().number(), header.header());
        }
        blocks = claimed.size();
        return null;
    }

    private EvidenceReport verifyBody(Map<String, ?> entry) {
        Map<String, ?> block = object(entry.get("block"), "blocks[].block");
        BlockHeader header = RpcHeaderParser.parse(block).header();
        long number = header.number().longValue();
        try {
            List<?> txs = block.get("transactions") == null ? List.of()
                    : RpcValues.list("transactions", block.get("transactions"));
            if (block.get("transactions") != null && txs.stream().allMatch(t -> t instanceof Map<?, ?>)) {
                VerificationResult result = BlockBodyVerifier.verifyTransactions(header,
                        objects(txs, "transactions"));
                if (!result.verified()) {
                    return report(result, "transactionsRoot", number);
                }
                transactions += txs.size();
            }
            if (entry.get("receipts") != null) {
                List<Map<String, ?>> list = objects(entry.get("receipts"), "receipts");
                VerificationResult result = BlockBodyVerifier.verifyReceipts(header, list);
                if (!result.verified()) {
                    return report(result, "receiptsRoot", number);
                }
                receiptsByBlock.put(header.number(), list);
                receipts += list.size();
            }
            if (block.get("withdrawals") != null) {
                VerificationResult result = BlockBodyVerifier.verifyWithdrawals(header,
                        objects(block.get("withdrawals"), "withdrawals"));
                if (!result.verified()) {
                    return report(result, "withdrawalsRoot", number);
                }
            }
        } catch (RpcFormatException e) {
            return report(VerificationResult.rejected(e.reason(), e.field(), "an encodable body", e.getMessage()),
                    "body", number);
        }
        return null;
    }

    private EvidenceReport verifyEvents() {
        Object listed = transcript.get("events");
        for (Map<String, ?> event : listed == null ? List.<Map<String, ?>>of() : objects(listed, "events")) {
            BigInteger block = number(RpcValues.required(event, "block"), "events[].block");
            int txIndex = number(RpcValues.required(event, "transactionIndex"), "transactionIndex").intValueExact();
            int logIndex = number(RpcValues.required(event, "logIndex"), "logIndex").intValueExact();
            VerificationResult result = EventMatcher.match(receiptsByBlock.get(block), txIndex, logIndex, event);
            if (!result.verified()) {
                return report(result, "event", block.longValue());
            }
            events++;
        }
        return null;
    }

    private EvidenceReport verifyStateProofs() {
        Object listed = transcript.get("stateProofs");
        for (Map<String, ?> entry : listed == null ? List.<Map<String, ?>>of() : objects(listed, "stateProofs")) {
            BigInteger block = number(RpcValues.required(entry, "block"), "stateProofs[].block");
            BlockHeader header = headers.get(block);
            if (header == null) {
                return report(VerificationResult.rejected(ReasonCode.EVIDENCE_MISSING, "block " + block,
                        "a verified header for the proof's stateRoot", "none"), "stateProof", block.longValue());
            }
            VerificationResult result = Eip1186ProofVerifier.verify(header.get(HeaderField.STATE_ROOT),
                    object(entry.get("proof"), "stateProofs[].proof"));
            if (!result.verified()) {
                return report(result, "stateProof", block.longValue());
            }
            stateProofs++;
        }
        return null;
    }

    private EvidenceReport verifyMerkleProofs() {
        Object listed = transcript.get("merkleProofs");
        for (Map<String, ?> p : listed == null ? List.<Map<String, ?>>of() : objects(listed, "merkleProofs")) {
            List<byte[]> path = new ArrayList<>();
            for (Object hash : RpcValues.list("proof", RpcValues.required(p, "proof"))) {
                path.add(RpcValues.data("proof", hash).toArray());
            }
            Object type = p.get("type");
            VerificationResult result;
            if ("inclusion".equals(type)) {
                result = InclusionProofVerifier.verifyInclusion(longOf(p, "index"), longOf(p, "size"),
                        bytes(p, "leafHash"), path, bytes(p, "root"));
            } else if ("consistency".equals(type)) {
                result = ConsistencyProofVerifier.verifyConsistency(longOf(p, "size1"), longOf(p, "size2"),
                        bytes(p, "root1"), bytes(p, "root2"), path);
            } else {
                throw new IllegalArgumentException("merkleProofs[].type must be inclusion or consistency: " + type);
            }
            if (!result.verified()) {
                return report(result, "merkleProof " + merkleProofs, null);
            }
            merkleProofs++;
        }
        return null;
    }

    private EvidenceReport report(VerificationResult result, String check, Long block) {
        return new EvidenceReport(result, check, block, blocks, transactions, receipts, events, stateProofs,
                merkleProofs, scope);
    }

    private static Long numberInSubject(String subject) {
        if (subject != null && subject.matches("block \\d+")) {
            return Long.parseLong(subject.substring(6));
        }
        return null;
    }

    private static Long blockNumberOf(Map<String, ?> block) {
        Object number = block.get("number");
        return number instanceof String s && s.matches("0x[0-9a-f]{1,15}") ? Long.parseLong(s.substring(2), 16)
                : null;
    }

    private static byte[] bytes(Map<String, ?> object, String name) {
        return RpcValues.data(name, RpcValues.required(object, name)).toArray();
    }

    private static long longOf(Map<String, ?> object, String name) {
        return number(RpcValues.required(object, name), name).longValueExact();
    }

    static BigInteger number(Object raw, String name) {
        return new BigInteger(1, RpcValues.quantity(name, raw).toArray());
    }

    @SuppressWarnings("unchecked")
    static Map<String, ?> object(Object raw, String name) {
        if (!(raw instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(name + ": expected an object");
        }
        return (Map<String, ?>) raw;
    }

    static List<Map<String, ?>> objects(Object raw, String name) {
        if (!(raw instanceof List<?> list)) {
            throw new IllegalArgumentException(name + ": expected an array");
        }
        List<Map<String, ?>> out = new ArrayList<>();
        for (Object item : list) {
            out.add(object(item, name + "[]"));
        }
        return out;
    }
}
