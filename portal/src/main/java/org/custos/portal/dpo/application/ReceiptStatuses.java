package org.custos.portal.dpo.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custos.portal.evidence.domain.ProvenEvent;
import org.custos.portal.evidence.domain.StoredBundle;

/**
 * Whether each key destruction of a request is backed by a verified KMS deletion receipt, and by which: a receipt
 * uploaded for the request (only verified uploads are kept) or the clinic's last verified bundle (its receipt
 * check passed for that key, and the bundle was verified up to a block at or after the destruction). The one
 * place the request page, the start page and the erasure certificate read receipt status from. The caller has
 * checked the scope of {@code clinicId}.
 */
@Stateless
public class ReceiptStatuses {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The status of one key's receipt: verified or not, and in words (by which source, or why not). */
    public record Status(boolean verified, String words) {
    }

    /** A receipt kept for a request: its key, exact bytes and 65-byte signature. */
    public record Kept(String keyId, byte[] receipt, byte[] signature) {
    }

    @PersistenceContext(unitName = "custos")
    EntityManager em;

    /** Every receipt kept for the request (verified when uploaded), oldest first. */
    public List<Kept> kept(String clinicId, String requestId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select key_id, receipt, signature from dsr_receipt where "
                + "clinic_id = ?1 and request_id = ?2 order by id")
                .setParameter(1, clinicId).setParameter(2, requestId).getResultList();
        List<Kept> out = new java.util.ArrayList<>();
        for (Object[] r : rows) {
            out.add(new Kept(String.valueOf(r[0]), bytes(r[1]), signature(bytes(r[2]))));
        }
        return out;
    }

    /**
     * The 65 signature bytes of a kept signature file (kept as uploaded: ASCII {@code 0x} + 130 hex digits, the
     * bundles' {@code .sig} format, which the upload verified); raw 65 bytes are taken as they are.
     */
    static byte[] signature(byte[] file) {
        String text = new String(file, java.nio.charset.StandardCharsets.ISO_8859_1).trim();
        if (text.startsWith("0x") || text.startsWith("0X")) {
            text = text.substring(2);
        }
        if (text.length() == 130 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return java.util.HexFormat.of().parseHex(text);
        }
        return file;
    }

    private static byte[] bytes(Object column) {
        try {
            return column instanceof byte[] b ? b : column instanceof java.sql.Blob blob
                    ? blob.getBytes(1, (int) blob.length()) : new byte[0];
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("a kept receipt cannot be read", e);
        }
    }

    /**
     * What the statuses of one clinic's receipts are read from, loaded once: its last verified bundle, the keys
     * whose receipt that bundle refused, and every receipt uploaded for any of its requests (the start page asks
     * for all of a clinic's erasure requests at once).
     */
    public final class Clinic {
        private final StoredBundle bundle;
        private final Set<String> refusedInBundle;
        private final Map<String, Map<String, String>> uploadedByRequest;

        private Clinic(String clinicId) {
            this.bundle = lastBundle(clinicId);
            this.refusedInBundle = refusedIn(bundle);
            this.uploadedByRequest = uploadedByRequest(clinicId);
        }

        /** Per destroyed key ({@code KeyDestroyed} events) of request {@code requestId}, its receipt's status. */
        public Map<String, Status> statuses(String requestId, List<ProvenEvent> destructions) {
            Map<String, String> uploaded = uploadedByRequest.getOrDefault(requestId, Map.of());
            Map<String, Status> out = new LinkedHashMap<>();
            for (ProvenEvent d : destructions) {
                String key = d.field("keyId");
                if (uploaded.containsKey(key)) {
                    out.put(key, new Status(true, "verified: " + uploaded.get(key)));
                } else if (bundle != null && bundle.getVerifiedBlock() >= d.block()
                        && !refusedInBundle.contains(key)) {
                    out.put(key, new Status(true, "verified in the clinic's bundle " + bundle.getSha256()));
                } else if (bundle != null && refusedInBundle.contains(key)) {
                    out.put(key, new Status(false, "refused in the clinic's bundle " + bundle.getSha256()
                            + " (see the findings of GDPR-ER-02)"));
                } else {
                    out.put(key, new Status(false, "no receipt verified yet"));
                }
            }
            return out;
        }

        /**
         * The block up to which the clinic's last verified bundle was verified (its access log anchored), -1
         * without one: reads after a key's destruction in an earlier block are checked by GDPR-ER-02 on it.
         */
        public long bundleVerifiedTo() {
            return bundle == null ? -1 : bundle.getVerifiedBlock();
        }
    }

    /** The receipt sources of {@code clinicId}, read now (the caller has checked its scope). */
    public Clinic of(String clinicId) {
        return new Clinic(clinicId);
    }

    /** Per destroyed key ({@code KeyDestroyed} events), its receipt's status. */
    public Map<String, Status> statuses(String clinicId, String requestId, List<ProvenEvent> destructions) {
        return of(clinicId).statuses(requestId, destructions);
    }

    /** Every receipt uploaded for the clinic's requests: request id → key id → description (the first kept). */
    private Map<String, Map<String, String>> uploadedByRequest(String clinicId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select request_id, key_id, sha256, signer, uploaded_by, "
                + "uploaded_at from dsr_receipt where clinic_id = ?1 order by id")
                .setParameter(1, clinicId).getResultList();
        Map<String, Map<String, String>> out = new java.util.HashMap<>();
        for (Object[] r : rows) {
            out.computeIfAbsent(String.valueOf(r[0]), k -> new LinkedHashMap<>()).putIfAbsent(String.valueOf(r[1]),
                    "receipt " + r[2] + " signed by " + r[3] + ", uploaded by " + r[4] + " at " + r[5]);
        }
        return out;
    }

    private StoredBundle lastBundle(String clinicId) {
        return em.createQuery("select b from StoredBundle b where b.clinicId = :clinic order by b.uploadedAt desc",
                StoredBundle.class).setParameter("clinic", clinicId).setMaxResults(1).getResultList().stream()
                .findFirst().orElse(null);
    }

    /** The keys whose receipt the bundle's verification refused (its summary lists only those). */
    static Set<String> refusedIn(StoredBundle bundle) {
        Set<String> out = new HashSet<>();
        if (bundle == null || bundle.getSummary() == null) {
            return out;
        }
        try {
            JSON.readTree(bundle.getSummary()).path("receipts").forEach(r -> out.add(r.path("keyId").asText()));
        } catch (IOException e) {
            throw new IllegalStateException("stored bundle summary is malformed", e);
        }
        return out;
    }
}
