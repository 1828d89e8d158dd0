package org.custos.portal.reports.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One report the portal issued, as its register keeps it (table {@code report_register}, migration V9): who asked
 * for what, in which scope, when, and the hashes that identify the signed PDF and its evidence. The PDF itself
 * lives in the same row but is not mapped here: it is read only for a download, by its own query
 * ({@link ReportRegister#pdf}), so that listing the register never loads documents. Immutable once built.
 */
@Entity
@Table(name = "report_register")
public class IssuedReport {

    /** Report ids: printable, URL- and file-name-safe (e.g. {@code CUSTOS-20261207-1a2b3c4d5e6f}). */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern HASH_0X = Pattern.compile("0x[0-9a-f]{64}");

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 40)
    private ReportKind kind;

    @Column(name = "clinic_id", length = 66)
    private String clinicId;

    @Column(name = "subject", length = 200)
    private String subject;

    @Column(name = "requested_by", nullable = false, length = 200)
    private String requestedBy;

    @Column(name = "requester_role", nullable = false, length = 40)
    private String requesterRole;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "pdf_sha256", nullable = false, length = 64)
    private String pdfSha256;

    @Column(name = "evidence_sha256", nullable = false, length = 64)
    private String evidenceSha256;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "signature_level", nullable = false, length = 20)
    private String signatureLevel;

    @Column(name = "trail_seq", nullable = false)
    private long trailSeq;

    @Column(name = "trail_head", nullable = false, length = 66)
    private String trailHead;

    protected IssuedReport() {
        // for JPA
    }

    /**
     * Checks every invariant of a register row: a well-formed id; a clinic for every kind but the consortium
     * report, and none for it; lower-case hex digests; a known requester role; a non-negative size and trail
     * sequence. The time is kept to microseconds (what both databases store).
     */
    public IssuedReport(String id, ReportKind kind, String clinicId, String subject, String requestedBy,
                        String requesterRole, Instant issuedAt, String pdfSha256, String evidenceSha256,
                        long sizeBytes, String signatureLevel, long trailSeq, String trailHead) {
        this.id = require(id, ID, "id");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.clinicId = clinicId == null ? null : clinicId.toLowerCase(Locale.ROOT);
        if (kind.clinicBound() == (this.clinicId == null)) {
            throw new IllegalArgumentException(kind + (kind.clinicBound() ? " needs a clinic" : " has no clinic"));
        }
        if (this.clinicId != null && !HASH_0X.matcher(this.clinicId).matches()) {
            throw new IllegalArgumentException("clinic id is not 0x and 64 hex digits: " + clinicId);
        }
        this.subject = limited(subject, 200, "subject");
        this.requestedBy = limited(Objects.requireNonNull(requestedBy, "requestedBy"), 200, "requestedBy");
        this.requesterRole = limited(Objects.requireNonNull(requesterRole, "requesterRole"), 40, "requesterRole");
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt").truncatedTo(ChronoUnit.MICROS);
        this.pdfSha256 = require(pdfSha256, SHA256, "pdfSha256");
        this.evidenceSha256 = require(evidenceSha256, SHA256, "evidenceSha256");
        if (sizeBytes <= 0 || trailSeq < 0) {
            throw new IllegalArgumentException("size must be positive and trail seq not negative");
        }
        this.sizeBytes = sizeBytes;
        this.signatureLevel = limited(Objects.requireNonNull(signatureLevel, "signatureLevel"), 20, "signatureLevel");
        this.trailSeq = trailSeq;
        this.trailHead = limited(Objects.requireNonNull(trailHead, "trailHead"), 66, "trailHead");
    }

    private static String require(String value, Pattern pattern, String name) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " is malformed: " + value);
        }
        return value;
    }

    private static String limited(String value, int max, String name) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException(name + " is longer than " + max + " characters");
        }
        return value;
    }

    public String getId() {
        return id;
    }

    public ReportKind getKind() {
        return kind;
    }

    public String getKindLabel() {
        return kind.label();
    }

    /** The on-chain clinic id; null only for the consortium integrity report. */
    public String getClinicId() {
        return clinicId;
    }

    public String getSubject() {
        return subject;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public String getRequesterRole() {
        return requesterRole;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public String getPdfSha256() {
        return pdfSha256;
    }

    public String getEvidenceSha256() {
        return evidenceSha256;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSignatureLevel() {
        return signatureLevel;
    }

    /** The number of trail entries (the head's sequence number) printed in the report. */
    public long getTrailSeq() {
        return trailSeq;
    }

    /** The trail head hash printed in the report. */
    public String getTrailHead() {
        return trailHead;
    }
}
