package org.custos.verify.evidence;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
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
 * Re-verifies a {@code custos-evidence/1} transcript, stopping at the first failure in block order:
 * <ol>
 *   <li>chain: every header parses (fail closed; the checkpoint's by {@link RpcHeaderParser#parseCheckpoint}: it
 *       is proven by its pinned hash), the block at position i is block checkpoint + i ({@code CHECKPOINT_MISMATCH}
 *       for the first, {@code NUMBER_GAP} for a block served for another number or repeated) and the segment
 *       passes {@link org.custos.verify.consensus.SealedChainVerifier} for the pinned consensus;</li>
 *   <li>bodies, per block in order, of the blocks whose chain check passed ({@link BodyCheck}): no
 *       {@code transactions} member (header only, counted in the report) or every transaction as a full object
 *       against transactionsRoot; receipts, blooms and gasUsed (if given); withdrawals; derived members;</li>
 *   <li>each claimed event equals the log at its (block, transactionIndex, logIndex) in verified receipts, the
 *       block-wide log index counted here, not read from the node ({@code EVENT_NOT_PROVEN},
 *       {@code EVIDENCE_MISSING});</li>
 *   <li>each EIP-1186 answer against the stateRoot of its (verified) block, bound to its question (the account and
 *       storage keys asked: {@link Eip1186ProofVerifier#verifyAnswer});</li>
 *   <li>each RFC 9162 inclusion or consistency proof (their roots must be anchored separately).</li>
 * </ol>
 * The block a failure names is the block requested at that position, never a number the data claims. Malformed
 * transcripts (wrong version, missing sections, malformed values outside block bodies) throw
 * {@link IllegalArgumentException}; data that cannot be encoded exactly is a rejection with its reason code.
 * What anchors the result is {@code chain.checkpoint}, read from the transcript itself: a reader must compare it
 * with a hash pinned out of band (the CLI's {@code transcript --checkpoint}).
 */
public final class TranscriptVerifier {

    public static final String VERSION = "custos-evidence/1";

    private final Map<String, ?> transcript;
    private final Map<BigInteger, BlockHeader> headers = new HashMap<>();
    private final BodyCheck bodies = new BodyCheck();
    private int blocks;
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
        List<ClaimedHeader> claimed = new ArrayList<>();
        EvidenceReport chainFailure = verifyChain(parameters, entries, claimed);
        for (int i = 0; i < claimed.size(); i++) {
            ClaimedHeader header = claimed.get(i);
            BodyCheck.Failure body = bodies.verify(entries.get(i), object(entries.get(i).get("block"),
                    "blocks[].block"), header.header(), header.claimedHash());
            if (body != null) {
                return report(body.result(), body.check(), header.header().number().longValue());
            }
            headers.put(header.header().number(), header.header());
            blocks++;
        }
        if (chainFailure != null) {
            return report(chainFailure.result(), chainFailure.check(), chainFailure.block());
        }
        EvidenceReport failure = verifyEvents();
        if (failure == null) {
            failure = verifyStateProofs();
        }
        if (failure == null) {
            failure = verifyMerkleProofs();
        }
        return failure != null ? failure : report(VerificationResult.ok(), null, null);
    }

    /**
     * Parses the headers and checks the chain; fills {@code passed} with the headers before the first failure
     * (all of them if none) and returns that failure, or null.
     */
    private EvidenceReport verifyChain(ChainParameters parameters, List<Map<String, ?>> entries,
                                       List<ClaimedHeader> passed) {
        List<ClaimedHeader> claimed = new ArrayList<>();
        EvidenceReport failure = null;
        BigInteger first = parameters.checkpointNumber();
        for (int i = 0; i < entries.size() && failure == null; i++) {
            BigInteger expected = first.add(BigInteger.valueOf(i));
            Map<String, ?> block = object(entries.get(i).get("block"), "blocks[].block");
            ClaimedHeader header;
            try {
                header = i == 0 ? RpcHeaderParser.parseCheckpoint(block) : RpcHeaderParser.parse(block);
            } catch (RpcFormatException e) {
                failure = report(VerificationResult.rejected(e.reason(), "block " + expected + " header."
                        + e.field(), "a hashable header", e.getMessage()), "header", expected.longValue());
                break;
            }
            BigInteger number = header.header().number();
            if (!number.equals(expected)) {
                failure = i == 0
                        ? report(VerificationResult.rejected(ReasonCode.CHECKPOINT_MISMATCH, "checkpoint number",
                                expected.toString(), number.toString()), "checkpoint", expected.longValue())
                        : report(VerificationResult.rejected(ReasonCode.NUMBER_GAP, "block " + expected,
                                "block " + expected + " at position " + i + " of the range",
                                "a header numbered " + number), "chain", expected.longValue());
                break;
            }
            claimed.add(header);
        }
        SegmentVerdict verdict = parameters.chainVerifier().verify(parameters.checkpointHash(), claimed);
        scope = verdict.scope();
        if (!verdict.verified() && !(claimed.isEmpty() && failure != null)) {
            Long at = numberInSubject(verdict.result().subject());
            int position = at == null ? 0 : (int) (at - first.longValue());
            passed.addAll(claimed.subList(0, Math.max(0, Math.min(position, claimed.size()))));
            return report(verdict.result(), "chain", at);
        }
        passed.addAll(claimed);
        return failure;
    }

    private EvidenceReport verifyEvents() {
        Object listed = transcript.get("events");
        for (Map<String, ?> event : listed == null ? List.<Map<String, ?>>of() : objects(listed, "events")) {
            BigInteger block = number(RpcValues.required(event, "block"), "events[].block");
            int txIndex = number(RpcValues.required(event, "transactionIndex"), "transactionIndex").intValueExact();
            int logIndex = number(RpcValues.required(event, "logIndex"), "logIndex").intValueExact();
            VerificationResult result = EventMatcher.match(bodies.receiptsOf(block), txIndex, logIndex, event);
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
            Bytes address = RpcValues.fixed("stateProofs[].address", required(entry, "address",
                    "the account asked"), 20);
            List<Bytes> keys = new ArrayList<>();
            for (Object key : RpcValues.list("storageKeys", required(entry, "storageKeys", "the slots asked"))) {
                keys.add(RpcValues.fixed("storageKeys", key, 32));
            }
            BlockHeader header = headers.get(block);
            if (header == null) {
                return report(VerificationResult.rejected(ReasonCode.EVIDENCE_MISSING, "block " + block,
                        "a verified header for the proof's stateRoot", "none"), "stateProof", block.longValue());
            }
            VerificationResult result;
            try {
                result = Eip1186ProofVerifier.verifyAnswer(header.get(HeaderField.STATE_ROOT), address, keys,
                        object(entry.get("proof"), "stateProofs[].proof"));
            } catch (RpcFormatException e) {
                result = VerificationResult.rejected(e.reason(), "account " + address + " " + e.field(),
                        "an EIP-1186 answer", e.getMessage());
            }
            if (!result.verified()) {
                return report(result, "stateProof", block.longValue());
            }
            stateProofs++;
        }
        return null;
    }

    private static Object required(Map<String, ?> entry, String name, String what) {
        if (!entry.containsKey(name)) {
            throw new IllegalArgumentException("stateProofs[]." + name + " (" + what + ") is required: a proof is "
                    + "checked against its question");
        }
        return entry.get(name);
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
        return new EvidenceReport(result, check, block, blocks, bodies.transactions(), bodies.receipts(), events,
                stateProofs, merkleProofs, scope, bodies.headerOnly(), new ArrayList<>(bodies.unproven()));
    }

    /** The block a chain failure names ("block N", "block N seal 2", ...); numbers there equal positions. */
    private static Long numberInSubject(String subject) {
        java.util.regex.Matcher m = subject == null ? null
                : java.util.regex.Pattern.compile("^block (\\d{1,18})(\\s.*)?$").matcher(subject);
        return m != null && m.matches() ? Long.parseLong(m.group(1)) : null;
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
