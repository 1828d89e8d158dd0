package org.custos.portal.dpo.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.custos.portal.dpo.domain.DsrReceipt;
import org.custos.portal.dpo.domain.DsrReceiptRepository;

/**
 * The kept receipts in table {@code dsr_receipt} (migration V11), by SQL only: the rows are small and never updated,
 * so no entity is mapped. The scope is in the WHERE clause of every read.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class JpaDsrReceiptRepository implements DsrReceiptRepository {

    private static final String INSERT = "insert into dsr_receipt (clinic_id, request_id, key_id, receipt, signature,"
            + " sha256, signer, uploaded_by, uploaded_at) values (:clinic, :request, :key, :receipt, :signature,"
            + " :sha, :signer, :by, :at)";
    private static final String SELECT = "select id, clinic_id, request_id, key_id, receipt, signature, sha256, signer,"
            + " uploaded_by, uploaded_at from dsr_receipt where request_id = :request";

    @PersistenceContext(unitName = "custos")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(DsrReceipt r) {
        em.createNativeQuery(INSERT).unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("clinic", r.clinicId(), String.class)
                .setParameter("request", r.requestId(), String.class)
                .setParameter("key", r.keyId(), String.class)
                .setParameter("receipt", r.receipt(), byte[].class)
                .setParameter("signature", r.signature(), byte[].class)
                .setParameter("sha", r.sha256(), String.class)
                .setParameter("signer", r.signer(), String.class)
                .setParameter("by", r.uploadedBy(), String.class)
                .setParameter("at", r.uploadedAt(), Instant.class)
                .executeUpdate();
    }

    @Override
    public boolean exists(String clinicId, String requestId, String keyId, String sha256) {
        return !em.createNativeQuery("select id from dsr_receipt where clinic_id = :clinic and request_id = :request"
                        + " and key_id = :key and sha256 = :sha")
                .setParameter("clinic", clinicId).setParameter("request", requestId).setParameter("key", keyId)
                .setParameter("sha", sha256).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public List<DsrReceipt> of(String requestId, String scopeClinic) {
        Query q = em.createNativeQuery(SELECT + (scopeClinic == null ? "" : " and clinic_id = :clinic")
                + " order by id");
        q.setParameter("request", requestId);
        if (scopeClinic != null) {
            q.setParameter("clinic", scopeClinic);
        }
        return ((List<?>) q.getResultList()).stream().map(row -> receipt((Object[]) row)).toList();
    }

    private static DsrReceipt receipt(Object[] c) {
        return new DsrReceipt(((Number) c[0]).longValue(), (String) c[1], (String) c[2], (String) c[3],
                (byte[]) c[4], (byte[]) c[5], (String) c[6], (String) c[7], (String) c[8], instant(c[9]));
    }

    /** H2 and PostgreSQL give a time zone timestamp back as different Java types. */
    private static Instant instant(Object column) {
        if (column instanceof Instant i) {
            return i;
        }
        if (column instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (column instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected time column type: "
                + (column == null ? "null" : column.getClass().getName()));
    }
}
