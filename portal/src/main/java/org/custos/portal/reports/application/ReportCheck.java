package org.custos.portal.reports.application;

import org.custos.portal.reports.domain.IssuedReport;
import org.custos.portal.reports.domain.LedgerMatch;
import org.custos.portal.trail.domain.TrailVerification;
import org.custos.reports.verify.ReportVerificationResult;

/**
 * What the verify page established about one uploaded file, in the order it was checked: the upload itself
 * ({@code refusal} when it was refused before any check), the signature and its trust chain, the embedded evidence
 * against the portal's verified ledger, and whether this portal issued it (with the trail check for a report
 * found in the register). Nothing here is stored.
 *
 * @param refusal         an upload refused before the signature was checked (null otherwise)
 * @param refusalText     why, in words
 * @param uploadSha256    SHA-256 of the uploaded bytes (null when refused before reading)
 * @param size            bytes uploaded
 * @param signature       the signature verdict ({@code SignedReportVerifier}); null when refused before it ran
 * @param trustAnchor     the subjects of the trust anchor(s) the signature was checked against
 * @param evidenceProblem why the embedded evidence could not be read as a transcript (null if it was)
 * @param ledger          the evidence against the verified ledger (null when the signature was refused or the
 *                        evidence unreadable)
 * @param provenance      the register's answer (null when refused before reading)
 */
public record ReportCheck(Refusal refusal, String refusalText, String uploadSha256, long size,
                          ReportVerificationResult signature, String trustAnchor, String evidenceProblem,
                          LedgerMatch ledger, Provenance provenance) {

    /** Refusals of the upload itself (the verifier's own reasons are {@code ReportReasonCode}s). */
    public enum Refusal {
        /** No file was chosen. */
        NO_FILE,
        /** The file has no bytes. */
        EMPTY_FILE,
        /** The file is larger than the page accepts. */
        TOO_LARGE,
        /** The upload could not be read. */
        UPLOAD_FAILED,
        /** The portal has no trust anchor to check signatures against. */
        NO_TRUST_ANCHOR,
        /** Too many verifications are running at once. */
        BUSY
    }

    /** Whether the register knows the file, and whether the caller may see its row. */
    public enum Issued {
        /** In the register and in the caller's scope: the row is shown. */
        IN_REGISTER,
        /** In the register, outside the caller's scope: only "issued by this portal" is said. */
        IN_REGISTER_OUT_OF_SCOPE,
        /** No report with this PDF's SHA-256 was issued here. */
        NOT_IN_REGISTER
    }

    /**
     * @param issued the register's answer
     * @param row    the register row, only for {@link Issued#IN_REGISTER}
     * @param trail  the trail recomputed up to the report's printed head (null when not in the register)
     */
    public record Provenance(Issued issued, IssuedReport row, TrailVerification trail) {
    }

    public static ReportCheck refused(Refusal refusal, String why) {
        return new ReportCheck(refusal, why, null, 0, null, null, null, null, null);
    }

    /** A refusal that came after the file was read (its hash and size are known). */
    public static ReportCheck refused(Refusal refusal, String why, String sha256, long size) {
        return new ReportCheck(refusal, why, sha256, size, null, null, null, null, null);
    }

    public boolean verified() {
        return refusal == null && signature != null && signature.verified();
    }

    /** The first words of the result: {@code VERIFIED <level>} or {@code REFUSED <REASON>}. */
    public String headline() {
        if (refusal != null) {
            return "REFUSED " + refusal.name();
        }
        return signature.verified() ? "VERIFIED " + signature.facts().level() : "REFUSED " + signature.reason().name();
    }

    /** Why it was refused, in words (null when verified). */
    public String reasonText() {
        if (refusal != null) {
            return refusalText;
        }
        return signature.verified() ? null : ReasonWords.of(signature.reason());
    }

    /** One line per verdict, for the trail entry. */
    public String trailDetail() {
        StringBuilder d = new StringBuilder(headline());
        if (ledger != null) {
            d.append("; ledger: ").append(ledger.outcome());
        } else if (evidenceProblem != null) {
            d.append("; evidence unreadable");
        }
        if (provenance != null) {
            d.append("; register: ").append(provenance.issued());
            if (provenance.row() != null) {
                d.append(' ').append(provenance.row().getId());
            }
            if (provenance.trail() != null) {
                d.append("; trail: ").append(provenance.trail().intact() ? "intact" : "broken "
                        + provenance.trail().reason() + " at entry " + provenance.trail().seq());
            }
        }
        return d.toString();
    }

    /** The evidence against the verified ledger, in words (null when it was not compared). */
    public String ledgerSummary() {
        if (ledger != null) {
            String sentence = ledger.summary();
            return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1) + ".";
        }
        if (evidenceProblem != null) {
            return "The embedded evidence could not be read as a custos-evidence transcript: " + evidenceProblem + ".";
        }
        return null;
    }

    /** Whether this portal issued the file, in words (null when refused before reading). */
    public String registerSummary() {
        if (provenance == null) {
            return null;
        }
        return switch (provenance.issued()) {
            case IN_REGISTER -> "Issued by this portal: report " + provenance.row().getId() + " (register below).";
            case IN_REGISTER_OUT_OF_SCOPE -> "Issued by this portal (its register entry is outside your scope).";
            case NOT_IN_REGISTER -> "Not issued by this portal: no report in its register has this file's SHA-256.";
        };
    }

    /** The trail check, in words (null when the file is not in the register). */
    public String trailSummary() {
        if (provenance == null || provenance.trail() == null) {
            return null;
        }
        TrailVerification t = provenance.trail();
        return t.intact()
                ? "The portal's trail is unchanged up to the head this report printed (" + t.entriesChecked()
                        + " entries recomputed)."
                : "The portal's trail was changed after this report was issued: " + t.summary() + ".";
    }

    /** The signature's time, in words: the timestamp authority's, or the signer's unproven claim (B-B). */
    public String timestampText() {
        if (signature == null || !signature.verified()) {
            return null;
        }
        var facts = signature.facts();
        return facts.timestampTime() != null ? facts.timestampTime() + " (timestamp authority)"
                : "none (no timestamp): the signing time " + facts.claimedTime() + " is the signer's claim";
    }

    public ReportCheck withTrustAnchor(String subjects) {
        return new ReportCheck(refusal, refusalText, uploadSha256, size, signature, subjects, evidenceProblem, ledger,
                provenance);
    }
}
