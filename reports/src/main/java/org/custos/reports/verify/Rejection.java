package org.custos.reports.verify;

/** Internal control flow: the first failed check, turned into a result value by {@link SignedReportVerifier}. */
final class Rejection extends Exception {

    private static final long serialVersionUID = 1L;

    final transient ReportVerificationResult result;

    Rejection(ReportReasonCode reason, String subject, Object expected, Object actual) {
        super(reason + " " + subject, null, false, false);
        this.result = ReportVerificationResult.rejected(reason, subject, expected, actual);
    }
}
