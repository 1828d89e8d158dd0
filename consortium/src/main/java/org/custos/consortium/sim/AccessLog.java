package org.custos.consortium.sim;

import static org.custos.consortium.sim.Simulator.hex;
import static org.custos.consortium.sim.Simulator.sha256;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.custos.consortium.chain.Calls;
import org.custos.consortium.sim.ClinicState.Review;
import org.custos.verify.merkle.MerkleTree;

/**
 * Assembles a clinic's append-only access log once its history is planned: the planned accesses in time order
 * (ties in planning order), entry i encoded as the FHIR AuditEvent {@code access-i}; each checkpoint covers the
 * entries recorded before its planned time. Then (after {@link LogViolations#rewrite}) the checkpoints' roots are
 * fixed and the break-glass reviews written and anchored.
 */
final class AccessLog {

    private AccessLog() {
    }

    /** Orders and encodes the entries, sizes the checkpoints; the log as logged is {@code clinic.accessLog}. */
    static void assemble(ClinicState clinic) {
        List<Access> ordered = new ArrayList<>(clinic.accesses);
        ordered.sort(Comparator.comparingLong((Access a) -> a.time).thenComparingInt(a -> a.seq));
        for (int i = 0; i < ordered.size(); i++) {
            Access a = ordered.get(i);
            a.index = i;
            a.bytes = FhirEvidence.accessEvent(i, clinic.clinicId, a.actor, Codes.ROLES[a.role], a.subject,
                    a.recordId, a.purpose, a.category, a.consentId, a.time, a.breakGlass);
            clinic.accessLog.add(a.bytes);
        }
        clinic.accesses.clear();
        clinic.accesses.addAll(ordered);
        for (long time : clinic.checkpointTimes) {
            int size = 0;
            while (size < ordered.size() && ordered.get(size).time < time) {
                size++;
            }
            clinic.checkpointSizes.add(size);
        }
    }

    /**
     * Fixes each checkpoint's root: the RFC 9162 root of the first treeSize leaves as the clinic had logged them when
     * it anchored; {@code before} holds, for a rewritten log, the original bytes of entries rewritten later (index to
     * bytes), which the checkpoints up to {@code rewrittenAfter} (inclusive) still cover.
     */
    static void anchor(ClinicState clinic, java.util.Map<Integer, byte[]> before, int rewrittenAfter) {
        for (int k = 0; k < clinic.checkpoints.size(); k++) {
            int size = clinic.checkpointSizes.get(k);
            List<byte[]> leaves = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                byte[] bytes = k <= rewrittenAfter && before.containsKey(i) ? before.get(i) : clinic.accessLog.get(i);
                leaves.add(MerkleTree.leafHash(bytes));
            }
            byte[] root = MerkleTree.rootHash(leaves);
            clinic.checkpointRoots.add(root);
            clinic.checkpoints.get(k).function = Calls.checkpoint(clinic.clinicId, size, root);
        }
    }

    /** Writes each break-glass review (Markdown naming the reviewed entry) and sets its anchoring write. */
    static void reviews(ClinicState clinic) {
        for (Review review : clinic.reviews) {
            Access a = review.access();
            String text = "# Break-glass access review (HIPAA 164.308(a)(1)(ii)(D))\n\n"
                    + "Clinic: " + hex(clinic.clinicId) + "\nReview: " + review.version() + "\n"
                    + "Policy: documents/access-policy-v1.md (break-glass accesses are reviewed within 7 days)\n\n"
                    + "| entry | id | recorded | staff | role | sha256 | outcome |\n|---|---|---|---|---|---|---|\n"
                    + "| " + EvidenceBundle.logPath(a.index) + " | " + String.format("access-%06d", a.index) + " | "
                    + Instant.ofEpochSecond(a.time) + " | " + String.format("staff-%02d", a.actor) + " | "
                    + Codes.ROLES[a.role] + " | " + hex(sha256(a.bytes)) + " | justified: emergency care |\n";
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            clinic.documents.put(review.path(), bytes);
            review.anchor().function = Calls.anchorDocument(clinic.clinicId, Codes.DOC_BREAK_GLASS_REVIEW,
                    sha256(bytes), review.version());
        }
    }

    /** The first checkpoint whose tree covers the entry. */
    static Draft coveringCheckpoint(ClinicState clinic, int index) {
        for (int k = 0; k < clinic.checkpointSizes.size(); k++) {
            if (clinic.checkpointSizes.get(k) > index) {
                return clinic.checkpoints.get(k);
            }
        }
        throw new IllegalStateException("entry " + index + " of clinic " + clinic.index + " after the last checkpoint");
    }
}
