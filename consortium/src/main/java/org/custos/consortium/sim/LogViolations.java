package org.custos.consortium.sim;

import static org.custos.consortium.sim.Simulator.hex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.custos.verify.merkle.MerkleTree;
import org.hl7.fhir.r4.model.AuditEvent;

/**
 * Off-chain violations of the log itself, planned once the clinic's log is assembled, each from its own random
 * stream, each on an ordinary entry (never one a violation or review names, never a break-glass entry):
 * <ul>
 *   <li>{@code LOG_REWRITTEN}: after anchoring its second checkpoint the clinic rewrites an entry that checkpoint
 *       covers (another {@code agent.who}, {@code staff-98}); its later checkpoints are roots of the rewritten log,
 *       so the second and third anchored checkpoints are not RFC 9162 consistent, and the stored log matches only
 *       the later ones ({@link #rewrite}, before the roots are fixed);</li>
 *   <li>{@code LOG_ENTRY_TAMPERED}: one entry covered by the first checkpoint is stored with another
 *       {@code agent.who} ({@code staff-99}) than the bytes whose leaf hash was anchored;</li>
 *   <li>{@code LOG_ENTRIES_MISSING}: the bundle lacks the last 1..3 entries (which the last checkpoint covers).</li>
 * </ul>
 */
final class LogViolations {

    private final Planner planner;
    /** Rewritten entries of the clinic being planned: index to the bytes anchored before the rewrite. */
    final Map<Integer, byte[]> rewritten = new HashMap<>();

    LogViolations(Planner planner) {
        this.planner = planner;
    }

    /** Plans {@code LOG_REWRITTEN}; returns the last checkpoint index still covering the original bytes, or -1. */
    int rewrite(ClinicState clinic) {
        rewritten.clear();
        SplittableRandom stream = planner.stream(Violation.LOG_REWRITTEN);
        List<Integer> sizes = clinic.checkpointSizes;
        List<Integer> candidates = sizes.size() >= 3 ? ordinary(clinic, sizes.get(0), sizes.get(1)) : List.of();
        boolean violate = planner.plantSeparately(clinic, Violation.LOG_REWRITTEN, !candidates.isEmpty());
        if (!violate) {
            return -1;
        }
        int pick = candidates.get(stream.nextInt(candidates.size()));
        byte[] original = clinic.accessLog.get(pick);
        byte[] changed = withAgent(original, "staff-98");
        clinic.accessLog.set(pick, changed);
        rewritten.put(pick, original);
        Map<String, String> objects = new LinkedHashMap<>();
        objects.put("entry", EvidenceBundle.logPath(pick));
        objects.put("originalLeafHash", hex(MerkleTree.leafHash(original)));
        objects.put("rewrittenLeafHash", hex(MerkleTree.leafHash(changed)));
        objects.put("earlierTreeSize", Integer.toString(sizes.get(1)));
        objects.put("laterTreeSize", Integer.toString(sizes.get(2)));
        planner.violations.add(new DraftViolation(Violation.LOG_REWRITTEN, clinic.index, objects,
                List.of("checkpointBefore", "checkpointAfter"),
                List.of(clinic.checkpoints.get(1), clinic.checkpoints.get(2)), null, 0, -1, null));
        return 1;
    }

    /** Plans {@code LOG_ENTRY_TAMPERED} and {@code LOG_ENTRIES_MISSING} on the stored log (the bundle). */
    void bundle(ClinicState clinic) {
        SplittableRandom tamperStream = planner.stream(Violation.LOG_ENTRY_TAMPERED);
        List<Integer> candidates = clinic.checkpointSizes.isEmpty() ? List.of()
                : ordinary(clinic, 0, clinic.checkpointSizes.get(0));
        if (planner.plantSeparately(clinic, Violation.LOG_ENTRY_TAMPERED, !candidates.isEmpty())) {
            int pick = candidates.get(tamperStream.nextInt(candidates.size()));
            byte[] original = clinic.accessLog.get(pick);
            byte[] changed = withAgent(original, "staff-99");
            clinic.accessLog.set(pick, changed);
            Map<String, String> objects = new LinkedHashMap<>();
            objects.put("entry", EvidenceBundle.logPath(pick));
            objects.put("anchoredLeafHash", hex(MerkleTree.leafHash(original)));
            objects.put("bundledLeafHash", hex(MerkleTree.leafHash(changed)));
            planner.violations.add(new DraftViolation(Violation.LOG_ENTRY_TAMPERED, clinic.index, objects,
                    List.of("checkpoint"), List.of(AccessLog.coveringCheckpoint(clinic, pick)), null, 0, -1, null));
        }
        SplittableRandom missingStream = planner.stream(Violation.LOG_ENTRIES_MISSING);
        int size = clinic.accessLog.size();
        int trailing = 0;
        while (trailing < size - 1 && !clinic.accesses.get(size - 1 - trailing).named
                && !clinic.accesses.get(size - 1 - trailing).breakGlass) {
            trailing++;
        }
        boolean anchoredAll = !clinic.checkpoints.isEmpty()
                && clinic.checkpointSizes.get(clinic.checkpointSizes.size() - 1) == size;
        if (planner.plantSeparately(clinic, Violation.LOG_ENTRIES_MISSING, trailing > 0 && anchoredAll)) {
            int drop = Math.min(1 + missingStream.nextInt(3), trailing);
            clinic.accessLog.subList(size - drop, size).clear();
            Map<String, String> objects = new LinkedHashMap<>();
            objects.put("anchoredTreeSize", Integer.toString(size));
            objects.put("bundledEntries", Integer.toString(size - drop));
            objects.put("firstMissing", EvidenceBundle.logPath(size - drop));
            planner.violations.add(new DraftViolation(Violation.LOG_ENTRIES_MISSING, clinic.index, objects,
                    List.of("checkpoint"), List.of(clinic.checkpoints.get(clinic.checkpoints.size() - 1)), null,
                    0, -1, null));
        }
    }

    /** Indexes in [from, to) of ordinary entries: not named by a violation or review, not break-glass, not rewritten. */
    private List<Integer> ordinary(ClinicState clinic, int from, int to) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Access a = clinic.accesses.get(i);
            if (!a.named && !a.breakGlass && !rewritten.containsKey(i)) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    private static byte[] withAgent(byte[] entry, String staff) {
        AuditEvent event = FhirEvidence.parse(AuditEvent.class, entry);
        event.getAgentFirstRep().getWho().getIdentifier().setValue(staff);
        return FhirEvidence.encode(event);
    }
}
