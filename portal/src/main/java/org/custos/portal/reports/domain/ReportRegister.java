package org.custos.portal.reports.domain;

import java.util.List;
import java.util.Optional;

/**
 * The register of issued reports. {@code scopeClinic} is the caller's query scope
 * ({@code ClinicScope.queryScope()}): null means every report (regulators); any other value means only the
 * reports of that clinic, never the consortium report (which belongs to no clinic). Nothing is ever updated or
 * deleted.
 */
public interface ReportRegister {

    /** Stores the row and its signed PDF, in the caller's transaction. */
    IssuedReport store(IssuedReport report, byte[] pdf);

    /**
     * As {@link #store(IssuedReport, byte[])}, streaming the PDF from a file (a report with a large evidence file is
     * never held whole in the heap). The default reads it into memory: for small in-memory registers.
     */
    default IssuedReport storeFile(IssuedReport report, java.nio.file.Path pdf) throws java.io.IOException {
        return store(report, java.nio.file.Files.readAllBytes(pdf));
    }

    /** Newest first (by time, then id), a page of at most {@code limit} rows. */
    List<IssuedReport> list(String scopeClinic, int first, int limit);

    long count(String scopeClinic);

    /** The row, only if it is in scope: an unknown id and another clinic's are the same empty answer. */
    Optional<IssuedReport> find(String id, String scopeClinic);

    /** Any row whose PDF has this SHA-256, whatever its scope: the caller decides what to show of it. */
    Optional<IssuedReport> findByPdfSha256(String sha256);

    /** The signed PDF, only if the row is in scope. */
    Optional<byte[]> pdf(String id, String scopeClinic);

    /**
     * Writes the PDF of {@code id} in this scope to {@code out}; false, and nothing written, when there is none. The
     * default reads it whole ({@link #pdf}): for small in-memory registers; the database register streams it.
     */
    default boolean writePdf(String id, String scopeClinic, java.io.OutputStream out) throws java.io.IOException {
        Optional<byte[]> pdf = pdf(id, scopeClinic);
        if (pdf.isEmpty()) {
            return false;
        }
        out.write(pdf.get());
        return true;
    }
}
