package org.custos.portal.reports.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.custos.portal.reports.application.ReportCheck.Issued;
import org.custos.portal.reports.domain.EvidenceBlocks;
import org.custos.portal.reports.domain.LedgerMatch;
import org.custos.portal.reports.domain.ReportKind;
import org.custos.portal.trail.domain.TrailVerification;
import org.custos.reports.verify.SignedReportVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verify page's checks on real signed reports (rendered and signed by the reports module with a CA made in the
 * test): the portal's own report verifies, matches the ledger and is found in the register; a changed byte, an
 * appended incremental update, another key's signature and a non-PDF are each refused with their reason, and
 * nothing is stored.
 */
class ReportCheckerSignedTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static SignedReportFixture portalCa;
    private static byte[] report;

    private final FakeRegister register = new FakeRegister();

    @BeforeAll
    static void sign() {
        portalCa = SignedReportFixture.create(NOW, "Portal");
        report = portalCa.signedReport("CUSTOS-20261207-0000000000a1", ReportCheckerTest.evidence(0, 1, 2, 3));
    }

    @Test
    void thePortalsOwnReportIsVerifiedMatchesTheLedgerAndIsInTheRegister() {
        register.store(FakeRegister.row("CUSTOS-20261207-0000000000a1", ReportKind.CLINIC_AUDIT, FakeRegister.NORTH,
                report, 4, "cd".repeat(32)), report);
        int stored = register.stores;
        ReportCheck check = check(report);
        assertThat(check.headline()).isEqualTo("VERIFIED PAdES-B-B");
        assertThat(check.signature().facts().signer()).contains("Custos Report Signer (Portal)");
        assertThat(check.timestampText()).contains("signer's claim");
        assertThat(check.ledger().outcome()).isEqualTo(LedgerMatch.Outcome.MATCHES);
        assertThat(check.ledger().matched()).isEqualTo(4);
        assertThat(check.provenance().issued()).isEqualTo(Issued.IN_REGISTER);
        assertThat(check.provenance().trail().intact()).isTrue();
        assertThat(register.stores).isEqualTo(stored);
    }

    @Test
    void oneChangedByteIsRefused() {
        ReportCheck check = check(SignedReportFixture.oneByteChanged(report));
        assertThat(check.headline()).isEqualTo("REFUSED DIGEST_MISMATCH");
        assertThat(check.reasonText()).contains("changed after signing");
        assertThat(check.provenance().issued()).isEqualTo(Issued.NOT_IN_REGISTER);
        assertThat(register.stores).isZero();
    }

    @Test
    void anAppendedIncrementalUpdateIsRefused() {
        byte[] updated = SignedReportFixture.incrementalUpdateAppended(report);
        assertThat(updated.length).isGreaterThan(report.length);
        ReportCheck check = check(updated);
        assertThat(check.headline()).isEqualTo("REFUSED NOT_WHOLE_FILE");
        assertThat(check.signature().expected()).isNotBlank();
        assertThat(check.signature().actual()).isNotBlank();
    }

    @Test
    void aReportSignedByAnotherKeyIsRefused() {
        byte[] foreign = SignedReportFixture.create(NOW, "Elsewhere")
                .signedReport("CUSTOS-20261207-0000000000b2", ReportCheckerTest.evidence(0, 1));
        ReportCheck check = check(foreign);
        assertThat(check.headline()).isEqualTo("REFUSED CERTIFICATE_UNTRUSTED");
        assertThat(check.reasonText()).contains("does not chain to this portal's trust anchor");
        assertThat(check.ledger()).isNull();
    }

    @Test
    void aNonPdfIsRefused() {
        ReportCheck check = check("not a PDF at all, just text\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(check.headline()).isEqualTo("REFUSED MALFORMED_PDF");
        assertThat(check.reasonText()).isEqualTo("the file is not a readable PDF");
    }

    @Test
    void evidenceOfAChainThePortalDidNotVerifyIsNamed() {
        byte[] other = portalCa.signedReport("CUSTOS-20261207-0000000000c3",
                SignedReportFixture.evidence(List.of(new long[] {2, 77}), n -> "0x" + String.format("%064x", n)));
        ReportCheck check = check(other);
        assertThat(check.headline()).isEqualTo("VERIFIED PAdES-B-B");
        assertThat(check.ledger().outcome()).isEqualTo(LedgerMatch.Outcome.DIFFERS);
        assertThat(check.ledger().block()).isEqualTo(2);
    }

    private ReportCheck check(byte[] pdf) {
        SignedReportVerifier verifier = new SignedReportVerifier(List.of(portalCa.ca), Clock.fixed(NOW, ZoneOffset.UTC));
        return new ReportChecker(verifier::verify, new EvidenceBlocks(pdf.length, 1000),
                new ReportCheckerTest.FakeChain(), register, r -> true,
                (seq, head) -> TrailVerification.intact(seq)).check(pdf);
    }
}
