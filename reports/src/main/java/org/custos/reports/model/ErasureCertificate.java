package org.custos.reports.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The erasure certificate for a data-protection officer (catalogue GDPR-ER-01, GDPR-ER-02). What it certifies
 * is <em>erasure-equivalent</em> (crypto-shredding: the keys that made the on-chain commitments linkable were
 * destroyed), never that data was erased from the chain.
 */
public record ErasureCertificate(ReportHeader header, String clinic, String requestId, String subjectPseudonym,
                                 LocalDate received, LocalDate deadline, LocalDate completed,
                                 List<DestroyedKey> keys, List<KmsReceipt> receipts, List<Anchor> anchors,
                                 List<String> notCertifiedBecause, Evidence evidence) implements Report {

    /** A key registered to the subject and destroyed. */
    public record DestroyedKey(String keyId, String destroyedAt, String kmsEvidenceHash) {
        public DestroyedKey {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(destroyedAt, "destroyedAt");
            Objects.requireNonNull(kmsEvidenceHash, "kmsEvidenceHash");
        }
    }

    /** A KMS deletion receipt and whether its signature and hash were verified. */
    public record KmsReceipt(String receiptId, String keyId, String signer, boolean verified) {
        public KmsReceipt {
            Objects.requireNonNull(receiptId, "receiptId");
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(signer, "signer");
        }
    }

    /** An on-chain anchor of the erasure (block, transaction, event). */
    public record Anchor(long block, String transactionHash, String event) {
        public Anchor {
            Objects.requireNonNull(transactionHash, "transactionHash");
            Objects.requireNonNull(event, "event");
        }
    }

    public ErasureCertificate {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(clinic, "clinic");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(subjectPseudonym, "subjectPseudonym");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(evidence, "evidence");
        if (deadline.isBefore(received)) {
            throw new IllegalArgumentException("deadline before the request was received");
        }
        if (completed != null && completed.isBefore(received)) {
            throw new IllegalArgumentException("completed before the request was received");
        }
        keys = List.copyOf(keys);
        receipts = List.copyOf(receipts);
        anchors = List.copyOf(anchors);
        notCertifiedBecause = List.copyOf(notCertifiedBecause);
    }

    /** Without the issuer's own reasons (the certificate then decides from its tables alone). */
    public ErasureCertificate(ReportHeader header, String clinic, String requestId, String subjectPseudonym,
                              LocalDate received, LocalDate deadline, LocalDate completed, List<DestroyedKey> keys,
                              List<KmsReceipt> receipts, List<Anchor> anchors, Evidence evidence) {
        this(header, clinic, requestId, subjectPseudonym, received, deadline, completed, keys, receipts, anchors,
                List.of(), evidence);
    }

    /**
     * Completed, every key destroyed with a verified receipt, on time, and no reason from the issuer against it
     * ({@link #notCertifiedBecause}: e.g. a read of the subject's records after a key's destruction, or a
     * destruction one second after the deadline, which the dates alone do not show).
     */
    public boolean certified() {
        return notCertifiedBecause.isEmpty() && completed != null && !completed.isAfter(deadline) && !keys.isEmpty()
                && keys.stream().allMatch(k -> receipts.stream()
                        .anyMatch(r -> r.verified() && r.keyId().equals(k.keyId())));
    }

    @Override
    public String title() {
        return "Erasure certificate: request " + requestId;
    }
}
