package org.custos.portal.dpo.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custos.portal.evidence.domain.ProvenEvent;

/**
 * What one data-subject request's KMS receipts are checked against, from its clinic's proven events (chain order):
 * the request ({@code RequestReceived}, the first of its id, as the rules judge it), the keys registered to its
 * subject ({@code KeyRegistered} with the request's {@code subjectPseudonym}, registered no later than the answer
 * when it is answered, as GDPR-ER-01 counts them), the {@code KeyDestroyed} events of those keys, and the clinic's
 * {@code kmsAttestationKey} from its latest {@code ClinicAdmitted}/{@code ClinicUpdated}.
 */
public record RequestKeys(String clinicId, String requestId, String subjectPseudonym, int requestType,
                          Set<String> keyIds, List<ProvenEvent> destroyed, String kmsAttestationKey) {

    /** {@code RequestType.ERASURE} in AccountabilityRegistry.sol. */
    public static final int ERASURE = 1;

    public RequestKeys {
        keyIds = Set.copyOf(keyIds);
        destroyed = List.copyOf(destroyed);
    }

    /** The request {@code requestId} among {@code clinicEvents} (one clinic's), or empty if it has none of that id. */
    public static Optional<RequestKeys> of(List<ProvenEvent> clinicEvents, String clinicId, String requestId) {
        ProvenEvent received = null;
        ProvenEvent answered = null;
        String kmsKey = null;
        for (ProvenEvent e : clinicEvents) {
            if (!clinicId.equals(e.clinicId())) {
                throw new IllegalArgumentException("event " + e.id() + " is not clinic " + clinicId + "'s");
            }
            switch (e.name()) {
                case "ClinicAdmitted", "ClinicUpdated" -> kmsKey = e.fields().get("kmsAttestationKey");
                case "RequestReceived" -> {
                    if (received == null && requestId.equals(e.fields().get("requestId"))) {
                        received = e;
                    }
                }
                case "RequestAnswered" -> {
                    if (answered == null && requestId.equals(e.fields().get("requestId"))) {
                        answered = e;
                    }
                }
                default -> { }
            }
        }
        if (received == null) {
            return Optional.empty();
        }
        String subject = received.field("subjectPseudonym");
        Set<String> keys = new LinkedHashSet<>();
        for (ProvenEvent e : clinicEvents) {
            if ("KeyRegistered".equals(e.name()) && subject.equals(e.fields().get("subjectPseudonym"))
                    && (answered == null || !e.time().isAfter(answered.time()))) {
                keys.add(e.field("keyId"));
            }
        }
        List<ProvenEvent> destroyed = new ArrayList<>();
        for (ProvenEvent e : clinicEvents) {
            if ("KeyDestroyed".equals(e.name()) && keys.contains(e.fields().get("keyId"))) {
                destroyed.add(e);
            }
        }
        return Optional.of(new RequestKeys(clinicId, requestId, subject, received.intField("requestType"), keys,
                destroyed, kmsKey));
    }

    /** What {@link KmsReceiptVerifier} checks an uploaded receipt of this request against. */
    public KmsReceiptVerifier.Expected expected() {
        return new KmsReceiptVerifier.Expected(clinicId, requestType == ERASURE ? keyIds : Set.of(), destroyed,
                kmsAttestationKey);
    }
}
