package org.custos.portal.reports.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Blob;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.custos.portal.reports.domain.IssuedReport;
import org.custos.portal.reports.domain.ReportRegister;

/**
 * The register in table {@code report_register} (migration V9). Rows are written with one SQL insert that carries
 * the PDF too (the entity does not map the PDF column, so listing never loads a document); the PDF is read back by
 * its own scoped query. The scope is in every query's WHERE clause: a clinic scope matches only rows of that clinic,
 * and the consortium report's null clinic never equals it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class JpaReportRegister implements ReportRegister {

    private static final String INSERT = "insert into report_register (id, kind, clinic_id, subject, requested_by,"
            + " requester_role, issued_at, pdf_sha256, evidence_sha256, size_bytes, signature_level, trail_seq,"
            + " trail_head, pdf) values (:id, :kind, :clinic, :subject, :requestedBy, :role, :issuedAt, :pdfSha,"
            + " :evidenceSha, :size, :level, :trailSeq, :trailHead, :pdf)";

    @PersistenceContext(unitName = "custos")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedReport store(IssuedReport r, byte[] pdf) {
        if (pdf == null || pdf.length != r.getSizeBytes()) {
            throw new IllegalArgumentException("the PDF's length differs from the register row's size");
        }
        em.createNativeQuery(INSERT).unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("id", r.getId(), String.class)
                .setParameter("kind", r.getKind().name(), String.class)
                .setParameter("clinic", r.getClinicId(), String.class)
                .setParameter("subject", r.getSubject(), String.class)
                .setParameter("requestedBy", r.getRequestedBy(), String.class)
                .setParameter("role", r.getRequesterRole(), String.class)
                .setParameter("issuedAt", r.getIssuedAt(), Instant.class)
                .setParameter("pdfSha", r.getPdfSha256(), String.class)
                .setParameter("evidenceSha", r.getEvidenceSha256(), String.class)
                .setParameter("size", r.getSizeBytes(), Long.class)
                .setParameter("level", r.getSignatureLevel(), String.class)
                .setParameter("trailSeq", r.getTrailSeq(), Long.class)
                .setParameter("trailHead", r.getTrailHead(), String.class)
                .setParameter("pdf", pdf, byte[].class)
                .executeUpdate();
        return r;
    }

    @Override
    public List<IssuedReport> list(String scopeClinic, int first, int limit) {
        TypedQuery<IssuedReport> q = scopeClinic == null
                ? em.createQuery("select r from IssuedReport r order by r.issuedAt desc, r.id desc", IssuedReport.class)
                : em.createQuery("select r from IssuedReport r where r.clinicId = :clinic"
                        + " order by r.issuedAt desc, r.id desc", IssuedReport.class).setParameter("clinic", scopeClinic);
        return q.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(0, limit)).getResultList();
    }

    @Override
    public long count(String scopeClinic) {
        TypedQuery<Long> q = scopeClinic == null
                ? em.createQuery("select count(r) from IssuedReport r", Long.class)
                : em.createQuery("select count(r) from IssuedReport r where r.clinicId = :clinic", Long.class)
                        .setParameter("clinic", scopeClinic);
        return q.getSingleResult();
    }

    @Override
    public Optional<IssuedReport> find(String id, String scopeClinic) {
        if (id == null) {
            return Optional.empty();
        }
        TypedQuery<IssuedReport> q = scopeClinic == null
                ? em.createQuery("select r from IssuedReport r where r.id = :id", IssuedReport.class)
                : em.createQuery("select r from IssuedReport r where r.id = :id and r.clinicId = :clinic",
                        IssuedReport.class).setParameter("clinic", scopeClinic);
        return q.setParameter("id", id).getResultStream().findFirst();
    }

    @Override
    public Optional<IssuedReport> findByPdfSha256(String sha256) {
        if (sha256 == null) {
            return Optional.empty();
        }
        return em.createQuery("select r from IssuedReport r where r.pdfSha256 = :sha order by r.issuedAt, r.id",
                IssuedReport.class).setParameter("sha", sha256).setMaxResults(1).getResultStream().findFirst();
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<byte[]> pdf(String id, String scopeClinic) {
        if (id == null) {
            return Optional.empty();
        }
        var q = em.createNativeQuery(scopeClinic == null
                ? "select pdf from report_register where id = :id"
                : "select pdf from report_register where id = :id and clinic_id = :clinic");
        q.setParameter("id", id);
        if (scopeClinic != null) {
            q.setParameter("clinic", scopeClinic);
        }
        List<?> rows = q.getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(bytes(rows.get(0)));
    }

    /** PostgreSQL's bytea arrives as bytes, H2's BLOB as a {@link Blob} (read inside the transaction). */
    private static byte[] bytes(Object column) {
        if (column instanceof byte[] b) {
            return b;
        }
        if (column instanceof Blob blob) {
            try (InputStream in = blob.getBinaryStream()) {
                return in.readAllBytes();
            } catch (SQLException e) {
                throw new IllegalStateException("the stored PDF could not be read", e);
            } catch (IOException e) {
                throw new UncheckedIOException("the stored PDF could not be read", e);
            }
        }
        throw new IllegalStateException("unexpected PDF column type: "
                + (column == null ? "null" : column.getClass().getName()));
    }
}
