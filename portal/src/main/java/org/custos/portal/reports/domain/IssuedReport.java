package org.custos.portal.reports.domain;

import java.time.Instant;

/** PLACEHOLDER until h/reportweb's entity merges (same columns as /work/REPORTS-CONTRACT.md). */
public class IssuedReport {
    private String id;
    private ReportKind kind;
    private String clinicId;
    private String subject;
    private String requestedBy;
    private String requesterRole;
    private Instant issuedAt;
    private String pdfSha256;
    private String evidenceSha256;
    private long sizeBytes;
    private String signatureLevel;
    private long trailSeq;
    private String trailHead;

    public IssuedReport(String id, ReportKind kind, String clinicId, String subject, String requestedBy,
                        String requesterRole, Instant issuedAt, String pdfSha256, String evidenceSha256,
                        long sizeBytes, String signatureLevel, long trailSeq, String trailHead) {
        this.id = id;
        this.kind = kind;
        this.clinicId = clinicId;
        this.subject = subject;
        this.requestedBy = requestedBy;
        this.requesterRole = requesterRole;
        this.issuedAt = issuedAt;
        this.pdfSha256 = pdfSha256;
        this.evidenceSha256 = evidenceSha256;
        this.sizeBytes = sizeBytes;
        this.signatureLevel = signatureLevel;
        this.trailSeq = trailSeq;
        this.trailHead = trailHead;
    }

    public String getId() {
        return id;
    }
}
