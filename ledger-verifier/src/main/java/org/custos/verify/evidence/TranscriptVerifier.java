package org.custos.verify.evidence;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.BlockHeader;
import org.custos.verify.chain.RpcValues;
import org.custos.verify.state.Eip1186ProofVerifier;

/**
 * Re-verifies a {@code custos-evidence/1} or {@code custos-evidence/2} transcript, stopping at the first failure:
 * <ol>
 *   <li>per block, in order, reading one block at a time ({@link ChainCheck}, {@link BodyCheck}): the header
 *       parses, the block at position i is block checkpoint + i, the segment passes
 *       {@link org.custos.verify.consensus.SealedChainVerifier} for the pinned consensus; then the body: no
 *       {@code transactions} member (header only, counted in the report) or every transaction as a full object
 *       against transactionsRoot; receipts, blooms and gasUsed (if given); withdrawals; derived members;</li>
 *   <li>each claimed event equals the log at its (block, transactionIndex, logIndex) in verified receipts, the
 *       block-wide log index counted here, not read from the node ({@code EVENT_NOT_PROVEN},
 *       {@code EVIDENCE_MISSING});</li>
 *   <li>each EIP-1186 answer against the stateRoot of its (verified) block, bound to its question (the account and
 *       storage keys asked: {@link Eip1186ProofVerifier#verifyAnswer});</li>
 *   <li>each RFC 9162 inclusion or consistency proof ({@link MerkleCheck}; version 2: leaf bytes and anchors in
 *       proven events);</li>
 *   <li>version 2: each KMS deletion receipt ({@link KmsReceiptCheck}).</li>
 * </ol>
 * Only what later checks need is kept from the blocks: the headers of blocks with state proofs and the receipts of
 * blocks with claimed events ({@link #verify(Map, Iterator, JsonReader)} verifies a transcript whose blocks are
 * read one by one; {@link #verify(Map)} is the same over a parsed list). The block a failure names is the block
 * requested at that position, never a number the data claims. Malformed transcripts (wrong version, missing
 * sections, malformed values outside block bodies, a version 2 member in version 1) throw
 * {@link IllegalArgumentException}; data that cannot be encoded exactly is a rejection with its reason code. What
 * anchors the result is {@code chain.checkpoint}, read from the transcript itself: a reader must compare it with a
 * hash pinned out of band (the CLI's {@code transcript --checkpoint}).
 */
public final class TranscriptVerifier {

    /** Version 1: chain, bodies, events, state proofs, RFC 9162 proofs (roots not anchored). */
    public static final String VERSION = "custos-evidence/1";
    /** Version 2: version 1 plus anchored RFC 9162 proofs with leaves, and KMS deletion receipts. */
    public static final String VERSION_2 = "custos-evidence/2";

    /** Parses the bytes of a KMS receipt as JSON (the caller's parser; the core holds none). */
    @FunctionalInterface
    public interface JsonReader {
        /** The parsed value; {@link IllegalArgumentException} if the bytes are not JSON. */
        Object read(byte[] utf8);
    }

    private final Map<String, ?> transcript;
    private final boolean version2;
    private final Map<BigInteger, BlockHeader> headers = new HashMap<>();
    private final BodyCheck bodies;
    private final ClaimCheck claims;
    private final MerkleCheck merkle;
    private final KmsReceiptCheck kms;
    private ChainCheck chain;
    private int blocks;

    private TranscriptVerifier(Map<String, ?> transcript, boolean version2, JsonReader json) {
        this.transcript = transcript;
        this.version2 = version2;
        this.bodies = new BodyCheck(referencedBlocks(transcript, "events"));
        this.claims = new ClaimCheck(version2);
        this.merkle = new MerkleCheck(version2);
        this.kms = new KmsReceiptCheck(json);
    }

    /** Verifies a parsed transcript (version 1 or 2); KMS receipts need {@link #verify(Map, JsonReader)}. */
    public static EvidenceReport verify(Map<String, ?> transcript) {
        return verify(transcript, null);
    }

    /** Verifies a parsed transcript; {@code json} reads the content of KMS receipts (may be null without any). */
    public static EvidenceReport verify(Map<String, ?> transcript, JsonReader json) {
        version(transcript);
        return verify(transcript, Values.objects(transcript.get("blocks"), "blocks").iterator(), json);
    }

    /**
     * Verifies a transcript whose {@code blocks} come one at a time from {@code blocks} (in order; each a
     * {@code blocks[]} element), all other members from {@code members} (its {@code blocks} member, if any, is
     * ignored). Same verdicts as {@link #verify(Map, JsonReader)} on the whole transcript.
     */
    public static EvidenceReport verify(Map<String, ?> members, Iterator<?> blocks, JsonReader json) {
        boolean version2 = version(members);
        return new TranscriptVerifier(members, version2, json).run(blocks);
    }

    private static boolean version(Map<String, ?> transcript) {
        Object version = transcript.get("version");
        if (VERSION_2.equals(version)) {
            return true;
        }
        if (!VERSION.equals(version)) {
            throw new IllegalArgumentException("not a " + VERSION + " or " + VERSION_2 + " transcript: version "
                    + version);
        }
        if (transcript.containsKey("kmsReceipts")) {
            throw new IllegalArgumentException("kmsReceipts is a " + VERSION_2 + " member, not " + VERSION);
        }
        return false;
    }

    /** Reads the chain parameters of a transcript's {@code chain} member. */
    public static ChainParameters parameters(Map<String, ?> chain) {
        Map<String, ?> checkpoint = Values.object(chain.get("checkpoint"), "chain.checkpoint");
        List<Bytes> validators = new ArrayList<>();
        Object listed = chain.get("validators");
        for (Object v : listed == null ? List.of() : RpcValues.list("validators", listed)) {
            validators.add(RpcValues.fixed("validators", v, 20));
        }
        Object epoch = chain.get("epochLength");
        return new ChainParameters(String.valueOf(chain.get("consensus")),
                Values.number(RpcValues.required(checkpoint, "number"), "checkpoint.number"),
                RpcValues.fixed("checkpoint.hash", RpcValues.required(checkpoint, "hash"), 32), validators,
                epoch == null ? 30000 : Values.number(epoch, "epochLength").longValueExact());
    }

    private EvidenceReport run(Iterator<?> entries) {
        chain = new ChainCheck(parameters(Values.object(transcript.get("chain"), "chain")));
        Set<BigInteger> proofBlocks = referencedBlocks(transcript, "stateProofs");
        while (entries.hasNext()) {
            Map<String, ?> entry = Values.object(entries.next(), "blocks[]");
            Map<String, ?> block = Values.object(entry.get("block"), "blocks[].block");
            ChainCheck.Step step = chain.next(block);
            if (step.failure() != null) {
                return report(step.failure(), step.check(), step.block());
            }
            BlockHeader header = step.header().header();
            BodyCheck.Failure body = bodies.verify(entry, block, header, step.header().claimedHash());
            if (body != null) {
                return report(body.result(), body.check(), header.number().longValue());
            }
            if (proofBlocks.contains(header.number())) {
                headers.put(header.number(), header);
            }
            blocks++;
        }
        if (blocks == 0) {
            return report(VerificationResult.rejected(ReasonCode.EMPTY_CHAIN, "chain", "at least one header",
                    "none"), "chain", null);
        }
        ClaimCheck.Failure failure = claims.verifyEvents(transcript, bodies);
        if (failure == null) {
            failure = claims.verifyStateProofs(transcript, headers);
        }
        if (failure == null) {
            failure = merkle.verify(transcript, claims.events());
        }
        if (failure == null && version2) {
            failure = kms.verify(transcript, claims);
        }
        return failure != null ? report(failure.result(), failure.check(), failure.block())
                : report(VerificationResult.ok(), null, null);
    }

    /**
     * The block numbers a member's entries refer to ({@code events[].block}, {@code stateProofs[].block}): what
     * must be kept while blocks stream past. Read leniently: an entry that cannot be read here is refused where it
     * is checked, as before.
     */
    private static Set<BigInteger> referencedBlocks(Map<String, ?> transcript, String member) {
        Set<BigInteger> numbers = new HashSet<>();
        if (transcript.get(member) instanceof List<?> list) {
            for (Object item : list) {
                try {
                    if (item instanceof Map<?, ?> entry) {
                        numbers.add(Values.number(entry.get("block"), member + "[].block"));
                    }
                } catch (IllegalArgumentException e) {
                    // refused with its reason when the entry is checked
                }
            }
        }
        return numbers;
    }

    private EvidenceReport report(VerificationResult result, String check, Long block) {
        return new EvidenceReport(result, check, block, blocks, bodies.transactions(), bodies.receipts(),
                claims.events().size(), claims.states().size(), merkle.verified(), chain == null ? "" : chain.scope(),
                bodies.headerOnly(), new ArrayList<>(bodies.unproven()), chain == null ? null : chain.validators(),
                kms.verified(), merkle.anchored(), merkle.notAnchored(), kms.bound());
    }
}
