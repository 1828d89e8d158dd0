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
            + " trail_head, pdf) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @PersistenceContext(unitName = "custos")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedReport store(IssuedReport r, byte[] pdf) {
        if (pdf == null || pdf.length != r.getSizeBytes()) {
            throw new IllegalArgumentException("the PDF's length differs from the register row's size");
        }
        insert(r, () -> new java.io.ByteArrayInputStream(pdf));
        return r;
    }

    /** Streams the PDF file into the row (JDBC {@code setBinaryStream} with its length): never held whole. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public IssuedReport storeFile(IssuedReport r, java.nio.file.Path pdf) throws IOException {
        if (java.nio.file.Files.size(pdf) != r.getSizeBytes()) {
            throw new IllegalArgumentException("the PDF's length differs from the register row's size");
        }
        insert(r, () -> java.nio.file.Files.newInputStream(pdf));
        return r;
    }

    private interface Source {
        InputStream open() throws IOException;
    }

    private void insert(IssuedReport r, Source pdf) {
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement(INSERT);
                 InputStream in = pdf.open()) {
                insert.setString(1, r.getId());
                insert.setString(2, r.getKind().name());
                insert.setString(3, r.getClinicId());
                insert.setString(4, r.getSubject());
                insert.setString(5, r.getRequestedBy());
                insert.setString(6, r.getRequesterRole());
                insert.setObject(7, java.time.OffsetDateTime.ofInstant(r.getIssuedAt(), java.time.ZoneOffset.UTC));
                insert.setString(8, r.getPdfSha256());
                insert.setString(9, r.getEvidenceSha256());
                insert.setLong(10, r.getSizeBytes());
                insert.setString(11, r.getSignatureLevel());
                insert.setLong(12, r.getTrailSeq());
                insert.setString(13, r.getTrailHead());
                insert.setBinaryStream(14, in, r.getSizeBytes());
                insert.executeUpdate();
            } catch (IOException e) {
                throw new UncheckedIOException("the signed PDF could not be read for the register", e);
            }
        });
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

    /** Streams the PDF column (JDBC {@code getBinaryStream}) to {@code out} inside this transaction. */
    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean writePdf(String id, String scopeClinic, java.io.OutputStream out) throws IOException {
        if (id == null) {
            return false;
        }
        return em.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (java.sql.PreparedStatement select = connection.prepareStatement(scopeClinic == null
                    ? "select pdf from report_register where id = ?"
                    : "select pdf from report_register where id = ? and clinic_id = ?")) {
                select.setString(1, id);
                if (scopeClinic != null) {
                    select.setString(2, scopeClinic);
                }
                try (java.sql.ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return false;
                    }
                    try (InputStream in = rows.getBinaryStream(1)) {
                        in.transferTo(out);
                    }
                    return true;
                } catch (IOException e) {
                    throw new UncheckedIOException("the stored PDF could not be sent", e);
                }
            }
        });
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
