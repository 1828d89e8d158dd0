package org.custos.portal.compliance.export;

/**
 * An accounting of disclosures for one data subject: the subject's pseudonym as on chain (lower-case 0x bytes32)
 * and the clinic asked for (null: every clinic in the caller's scope; honoured for regulators only).
 */
public record DisclosuresQuery(String subject, String clinicId) {
}
