package org.custos.verify.evidence;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.custos.verify.Bytes;
import org.custos.verify.ReasonCode;
import org.custos.verify.VerificationResult;
import org.custos.verify.chain.RpcValues;
import org.custos.verify.merkle.ConsistencyProofVerifier;
import org.custos.verify.merkle.InclusionProofVerifier;
import org.custos.verify.merkle.MerkleTree;

/**
 * The RFC 9162 proofs of a transcript ({@code merkleProofs}), each in this order: (version 2) an inclusion proof's
 * {@code leaf}, if given, must hash to its {@code leafHash} (SHA-256(0x00 || leaf), §2.1.1:
 * {@code LEAF_HASH_MISMATCH}); the proof itself (§2.1.3.2, §2.1.4.2); (version 2) each anchor: an inclusion
 * proof's {@code anchor}, a consistency proof's {@code anchor1} (root1, size1) and {@code anchor2} (root2, size2),
 * each {@code {"event": i, "word": k, "sizeWord": j}}: claimed event i must exist ({@code EVENT_REFERENCE_MISSING}),
 * words k and j must be in its data ({@code ANCHOR_WORD_OUT_OF_RANGE}), word k must equal the root
 * ({@code MERKLE_ROOT_NOT_ANCHORED}) and word j, as an unsigned integer, the tree size
 * ({@code MERKLE_SIZE_NOT_ANCHORED}). A proof without anchors is verified against the root it states and listed as
 * not anchored; in version 1 every proof is.
 */
final class MerkleCheck {

    private final boolean version2;
    private final List<String> anchored = new ArrayList<>();
    private final List<String> notAnchored = new ArrayList<>();
    private int verified;

    MerkleCheck(boolean version2) {
        this.version2 = version2;
    }

    /** The first failure (check "merkleProof N"), or null. */
    ClaimCheck.Failure verify(Map<String, ?> transcript, List<ProvenEvent> events) {
        List<Map<String, ?>> proofs = Values.optionalObjects(transcript, "merkleProofs", version2);
        for (int n = 0; n < proofs.size(); n++) {
            VerificationResult result = verifyOne(n, proofs.get(n), events);
            if (!result.verified()) {
                return new ClaimCheck.Failure(result, "merkleProof " + n, null);
            }
            verified++;
        }
        return null;
    }

    private VerificationResult verifyOne(int n, Map<String, ?> p, List<ProvenEvent> events) {
        String subject = "merkleProof " + n;
        List<byte[]> path = new ArrayList<>();
        for (Object hash : RpcValues.list("proof", RpcValues.required(p, "proof"))) {
            path.add(RpcValues.data("proof", hash).toArray());
        }
        Object type = p.get("type");
        if ("inclusion".equals(type)) {
            if (!version2 && (p.containsKey("leaf") || p.containsKey("anchor"))) {
                throw new IllegalArgumentException(subject + ": leaf and anchor are " + TranscriptVerifier.VERSION_2);
            }
            byte[] leafHash = bytes(p, "leafHash");
            if (p.containsKey("leaf")) {
                byte[] computed = MerkleTree.leafHash(RpcValues.data("leaf", RpcValues.required(p, "leaf")).toArray());
                if (!Arrays.equals(computed, leafHash)) {
                    return VerificationResult.rejected(ReasonCode.LEAF_HASH_MISMATCH, subject + " leafHash",
                            computed, leafHash);
                }
            }
            long size = longOf(p, "size");
            byte[] root = bytes(p, "root");
            VerificationResult result = InclusionProofVerifier.verifyInclusion(longOf(p, "index"), size, leafHash,
                    path, root);
            return result.verified() ? anchors(subject, p, events, new String[] {"anchor"}, new byte[][] {root},
                    new long[] {size}) : result;
        }
        if ("consistency".equals(type)) {
            if (!version2 && (p.containsKey("anchor1") || p.containsKey("anchor2"))) {
                throw new IllegalArgumentException(subject + ": anchors are " + TranscriptVerifier.VERSION_2);
            }
            long size1 = longOf(p, "size1");
            long size2 = longOf(p, "size2");
            byte[] root1 = bytes(p, "root1");
            byte[] root2 = bytes(p, "root2");
            VerificationResult result = ConsistencyProofVerifier.verifyConsistency(size1, size2, root1, root2, path);
            return result.verified() ? anchors(subject, p, events, new String[] {"anchor1", "anchor2"},
                    new byte[][] {root1, root2}, new long[] {size1, size2}) : result;
        }
        throw new IllegalArgumentException("merkleProofs[].type must be inclusion or consistency: " + type);
    }

    private VerificationResult anchors(String subject, Map<String, ?> p, List<ProvenEvent> events, String[] names,
                                       byte[][] roots, long[] sizes) {
        List<String> said = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (!p.containsKey(names[i])) {
                notAnchored.add(subject + " (" + p.get("type") + "): " + names[i] + " absent, root "
                        + Bytes.of(roots[i]).toHex() + " verified only against the root the proof states");
                continue;
            }
            Map<String, ?> anchor = Values.object(p.get(names[i]), subject + " " + names[i]);
            String at = subject + " " + names[i];
            int event = Values.index(anchor.get("event"), at + ".event");
            int word = Values.index(anchor.get("word"), at + ".word");
            int sizeWord = Values.index(anchor.get("sizeWord"), at + ".sizeWord");
            if (event >= events.size()) {
                return VerificationResult.rejected(ReasonCode.EVENT_REFERENCE_MISSING, at,
                        "one of the " + events.size() + " proven events", "event " + event);
            }
            ProvenEvent e = events.get(event);
            int beyond = Math.max(word, sizeWord);
            if (beyond >= e.words()) {
                return VerificationResult.rejected(ReasonCode.ANCHOR_WORD_OUT_OF_RANGE, at,
                        "a word below " + e.words() + " of " + e.describe(), "word " + beyond);
            }
            if (!e.word(word).equals(Bytes.of(roots[i]))) {
                return VerificationResult.rejected(ReasonCode.MERKLE_ROOT_NOT_ANCHORED, at, e.word(word).toHex()
                        + " (word " + word + " of " + e.describe() + ")", Bytes.of(roots[i]).toHex());
            }
            BigInteger anchoredSize = new BigInteger(1, e.word(sizeWord).toArray());
            if (!anchoredSize.equals(BigInteger.valueOf(sizes[i]))) {
                return VerificationResult.rejected(ReasonCode.MERKLE_SIZE_NOT_ANCHORED, at, anchoredSize
                        + " (word " + sizeWord + " of " + e.describe() + ")", String.valueOf(sizes[i]));
            }
            said.add(names[i] + ": root = word " + word + ", size " + sizes[i] + " = word " + sizeWord + " of "
                    + e.describe());
        }
        if (!said.isEmpty()) {
            anchored.add(subject + " (" + p.get("type") + ") " + String.join("; ", said));
        }
        return VerificationResult.ok();
    }

    private static byte[] bytes(Map<String, ?> object, String name) {
        return RpcValues.data(name, RpcValues.required(object, name)).toArray();
    }

    private static long longOf(Map<String, ?> object, String name) {
        return Values.longValue(RpcValues.required(object, name), name);
    }

    int verified() {
        return verified;
    }

    List<String> anchored() {
        return anchored;
    }

    List<String> notAnchored() {
        return notAnchored;
    }
}
