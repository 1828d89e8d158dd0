package org.custos.reports.verify;

import java.time.Instant;

/**
 * What was established about a verified report.
 *
 * @param level          {@code PAdES-B-B} or {@code PAdES-B-T}
 * @param signer         subject DN of the signer certificate
 * @param claimedTime    the signing time the signer claims ({@code /M}); not proven
 * @param timestampTime  the timestamp authority's time (B-T), or null
 * @param evidenceSha256 lower-case hex SHA-256 of the embedded evidence
 */
public record SignatureFacts(String level, String signer, Instant claimedTime, Instant timestampTime,
                             String evidenceSha256) {
}
