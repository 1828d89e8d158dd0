package org.custos.portal.dpo.domain;

import java.time.Instant;

/**
 * A verified KMS deletion receipt kept as evidence of one data-subject request (table {@code dsr_receipt}, migration
 * V11): the exact uploaded bytes of the receipt and its signature file, the receipt's SHA-256 (0x-hex, as
 * {@code KeyDestroyed.kmsDeletionReceiptHash}), the recovered signer, who uploaded it and when. Only verified receipts
 * are ever stored; rows are never updated.
 */
public record DsrReceipt(long id, String clinicId, String requestId, String keyId, byte[] receipt, byte[] signature,
                         String sha256, String signer, String uploadedBy, Instant uploadedAt) {
}
