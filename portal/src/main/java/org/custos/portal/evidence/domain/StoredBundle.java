package org.custos.portal.evidence.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.Instant;

/**
 * A verified bundle's record (table {@code evidence_bundle}, migration V4), identified by the SHA-256 of the
 * uploaded zip: counts of what verified and a JSON summary of each check. Stored only after reading and verifying
 * succeeded; a refused upload leaves no row.
 */
@Entity
@Table(name = "evidence_bundle")
public class StoredBundle {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "sha256", length = 66)
    private String sha256;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "clinic_id", nullable = false, length = 66)
    private String clinicId;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false, length = 255)
    private String uploadedBy;

    @Column(name = "compressed_bytes", nullable = false)
    private long compressedBytes;

    @Column(name = "entries", nullable = false)
    private int entries;

    @Column(name = "checkpoints", nullable = false)
    private int checkpoints;

    @Column(name = "checkpoints_ok", nullable = false)
    private int checkpointsOk;

    @Column(name = "receipts", nullable = false)
    private int receipts;

    @Column(name = "receipts_ok", nullable = false)
    private int receiptsOk;

    @Column(name = "documents", nullable = false)
    private int documents;

    @Column(name = "documents_ok", nullable = false)
    private int documentsOk;

    @Column(name = "verified_block", nullable = false)
    private long verifiedBlock;

    @Column(name = "summary", nullable = false, length = 20000)
    private String summary;

    protected StoredBundle() {
    }

    public StoredBundle(EvidenceBundle bundle, BundleVerification v, String uploadedBy, Instant at,
                        long verifiedBlock, String summaryJson) {
        this.sha256 = bundle.sha256();
        this.clinicId = bundle.clinic();
        this.uploadedAt = at;
        this.uploadedBy = uploadedBy;
        this.compressedBytes = bundle.compressedBytes();
        this.entries = bundle.entries();
        this.checkpoints = v.checkpoints().size();
        this.checkpointsOk = (int) v.checkpoints().stream()
                .filter(c -> c.status() == BundleVerification.RootStatus.MATCH
                        && c.head() == BundleVerification.HeadStatus.OK).count();
        this.receipts = v.receipts().size();
        this.receiptsOk = (int) v.receipts().stream()
                .filter(r -> r.status() == BundleVerification.ReceiptStatus.OK).count();
        this.documents = v.documents().size();
        this.documentsOk = (int) v.documents().stream().filter(BundleVerification.DocumentCheck::found).count();
        this.verifiedBlock = verifiedBlock;
        this.summary = summaryJson.length() > 20000 ? summaryJson.substring(0, 20000) : summaryJson;
    }

    public String getSha256() {
        return sha256;
    }

    public String getClinicId() {
        return clinicId;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public long getCompressedBytes() {
        return compressedBytes;
    }

    public int getEntries() {
        return entries;
    }

    public int getCheckpoints() {
        return checkpoints;
    }

    public int getCheckpointsOk() {
        return checkpointsOk;
    }

    public int getReceipts() {
        return receipts;
    }

    public int getReceiptsOk() {
        return receiptsOk;
    }

    public int getDocuments() {
        return documents;
    }

    public int getDocumentsOk() {
        return documentsOk;
    }

    public long getVerifiedBlock() {
        return verifiedBlock;
    }

    public String getSummary() {
        return summary;
    }
}
