package org.custos.portal.reports.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.custos.reports.verify.ReportVerificationResult;
import org.custos.reports.verify.SignedReportVerifier;

/**
 * Custos's own strict verifier ({@link SignedReportVerifier}, in this JVM, at the current time) trusting exactly
 * the anchors: passes when it verifies the file at the expected level; refuses with its reason, expected and
 * actual values.
 */
final class CustosCheck {

    static final String NAME = "Custos verifier";

    private final SignedReportVerifier verifier;

    CustosCheck(ConformanceSettings settings, Clock clock) {
        this.verifier = new SignedReportVerifier(settings.anchors(), clock);
    }

    Verdict check(Path pdf, Level expected) {
        ReportVerificationResult result;
        try {
            result = verifier.verify(Files.readAllBytes(pdf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String detail = result.toString().replace('\n', ' ');
        if (!result.verified()) {
            return Verdict.refuse(NAME, detail);
        }
        if (!result.facts().level().equals(expected.custos())) {
            return Verdict.refuse(NAME, "level " + result.facts().level() + ", expected " + expected.custos()
                    + ": " + detail);
        }
        return Verdict.pass(NAME, detail);
    }
}
