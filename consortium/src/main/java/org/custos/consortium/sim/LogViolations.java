package org.custos.consortium.sim;

import static org.custos.consortium.sim.Simulator.hex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.custos.verify.merkle.MerkleTree;
import org.hl7.fhir.r4.model.AuditEvent;

/**
 * Off-chain violations in the clinic's evidence bundle, drawn after the whole history (so they shift no other
 * choice): entries the anchored checkpoints cover are missing from the stored log ({@code LOG_ENTRIES_MISSING}),
 * or one stored entry differs from the bytes whose leaf hash was anchored ({@code LOG_ENTRY_TAMPERED}). The anchored
 * checkpoints stay honest.
 */
final class LogViolations {

    private final Planner planner;
    private final SplittableRandom random;

    LogViolations(Planner planner) {
        this.planner = planner;
        this.random = planner.random;
    }

    void plan(ClinicState clinic) {
        int size = clinic.accessLog.size();
        boolean missing = planner.plant(clinic, Violation.LOG_ENTRIES_MISSING, size > 1 && !clinic.checkpoints.isEmpty());
        int drop = Math.min(1 + random.nextInt(3), Math.max(size - 1, 0));
        boolean tampered = planner.plant(clinic, Violation.LOG_ENTRY_TAMPERED, size > 4 && !clinic.checkpoints.isEmpty());
        int pick = random.nextInt(Math.max(1, size / 2));
        if (missing) {
            clinic.accessLog.subList(size - drop, size).clear();
            Map<String, String> objects = new LinkedHashMap<>();
            objects.put("anchoredTreeSize", Integer.toString(size));
            objects.put("bundledEntries", Integer.toString(size - drop));
            objects.put("firstMissing", EvidenceBundle.logPath(size - drop));
            planner.violations.add(new DraftViolation(Violation.LOG_ENTRIES_MISSING, clinic.index, objects,
                    List.of("checkpoint"), List.of(clinic.checkpoints.get(clinic.checkpoints.size() - 1)), null,
                    0, -1, null));
        }
        if (tampered) {
            byte[] original = clinic.accessLog.get(pick);
            AuditEvent event = FhirEvidence.parse(AuditEvent.class, original);
            event.getAgentFirstRep().getWho().getIdentifier().setValue("staff-99");
            byte[] changed = FhirEvidence.encode(event);
            clinic.accessLog.set(pick, changed);
            int checkpoint = 0;
            while (clinic.checkpointSizes.get(checkpoint) <= pick) {
                checkpoint++;
            }
            Map<String, String> objects = new LinkedHashMap<>();
            objects.put("entry", EvidenceBundle.logPath(pick));
            objects.put("anchoredLeafHash", hex(MerkleTree.leafHash(original)));
            objects.put("bundledLeafHash", hex(MerkleTree.leafHash(changed)));
            planner.violations.add(new DraftViolation(Violation.LOG_ENTRY_TAMPERED, clinic.index, objects,
                    List.of("checkpoint"), List.of(clinic.checkpoints.get(checkpoint)), null, 0, -1, null));
        }
    }
}
