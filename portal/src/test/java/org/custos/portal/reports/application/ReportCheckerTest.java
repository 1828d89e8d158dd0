package org.custos.portal.reports.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.custos.portal.reports.application.ReportCheck.Issued;
import org.custos.portal.reports.domain.EvidenceBlocks;
import org.custos.portal.reports.domain.IssuedReport;
import org.custos.portal.reports.domain.LedgerMatch;
import org.custos.portal.reports.domain.ReportKind;
import org.custos.portal.reports.domain.VerifiedChain;
import org.custos.portal.trail.domain.TrailVerification;
import org.custos.reports.verify.ReportReasonCode;
import org.custos.reports.verify.ReportVerificationResult;
import org.custos.reports.verify.SignatureFacts;
import org.junit.jupiter.api.Test;

/** The verify page's logic with small fakes: what is checked when, and what the caller may see of the register. */
class ReportCheckerTest {

    private static final byte[] PDF = "%PDF-1.7 a signed report".getBytes(StandardCharsets.US_ASCII);
    private static final String HEAD = "cd".repeat(32);

    private final FakeRegister register = new FakeRegister();
    private final List<String> trailAsked = new ArrayList<>();
    private final VerifiedChain chain = new FakeChain();

    @Test
    void aVerifiedReportIsComparedWithTheLedgerAndTheRegister() {
        register.store(FakeRegister.row("CUSTOS-1", ReportKind.CLINIC_AUDIT, FakeRegister.NORTH, PDF, 7, HEAD), PDF);
        int stored = register.stores;
        ReportCheck check = checker(verified(evidence(1, 2, 3)), r -> true).check(PDF);
        assertThat(check.headline()).isEqualTo("VERIFIED PAdES-B-B");
        assertThat(check.verified()).isTrue();
        assertThat(check.ledger().outcome()).isEqualTo(LedgerMatch.Outcome.MATCHES);
        assertThat(check.ledgerSummary()).isEqualTo("The evidence matches the verified chain at 3 blocks (blocks 1..3).");
        assertThat(check.provenance().issued()).isEqualTo(Issued.IN_REGISTER);
        assertThat(check.provenance().row().getId()).isEqualTo("CUSTOS-1");
        assertThat(trailAsked).containsExactly("7 " + HEAD);
        assertThat(check.trailSummary()).startsWith("The portal's trail is unchanged");
        assertThat(check.uploadSha256()).isEqualTo(RegisterService.sha256(PDF));
        assertThat(check.size()).isEqualTo(PDF.length);
        assertThat(register.stores).as("nothing stored").isEqualTo(stored);
    }

    @Test
    void anotherClinicsReportIsOnlySaidToBeIssuedHere() {
        register.store(FakeRegister.row("CUSTOS-S", ReportKind.CLINIC_AUDIT, FakeRegister.SOUTH, PDF, 3, HEAD), PDF);
        ReportCheck check = checker(verified(evidence(1)), r -> false).check(PDF);
        assertThat(check.provenance().issued()).isEqualTo(Issued.IN_REGISTER_OUT_OF_SCOPE);
        assertThat(check.provenance().row()).isNull();
        assertThat(check.registerSummary()).isEqualTo("Issued by this portal (its register entry is outside your scope).")
                .doesNotContain("CUSTOS-S").doesNotContain(FakeRegister.SOUTH);
        assertThat(check.trailDetail()).doesNotContain("CUSTOS-S");
    }

    @Test
    void aRewrittenTrailIsReported() {
        register.store(FakeRegister.row("CUSTOS-1", ReportKind.CLINIC_AUDIT, FakeRegister.NORTH, PDF, 7, HEAD), PDF);
        TrailVerification broken = TrailVerification.broken(6, TrailVerification.Reason.HEAD_MISMATCH, 7, HEAD,
                "ef".repeat(32));
        ReportCheck check = new ReportChecker(pdf -> verified(evidence(1)), new EvidenceBlocks(1 << 20, 10), chain,
                register, r -> true, (seq, head) -> broken).check(PDF);
        assertThat(check.trailSummary()).startsWith("The portal's trail was changed after this report was issued")
                .contains("HEAD_MISMATCH").contains(HEAD);
        assertThat(check.trailDetail()).contains("trail: broken HEAD_MISMATCH at entry 7");
    }

    @Test
    void aRefusedSignatureKeepsItsReasonAndTheEvidenceIsNotRead() {
        ReportVerificationResult refused = new ReportVerificationResult(false, ReportReasonCode.NOT_WHOLE_FILE,
                "/ByteRange", "1000", "1200", null, null);
        ReportCheck check = checker(refused, r -> true).check(PDF);
        assertThat(check.headline()).isEqualTo("REFUSED NOT_WHOLE_FILE");
        assertThat(check.reasonText()).contains("bytes were appended after signing");
        assertThat(check.ledger()).isNull();
        assertThat(check.ledgerSummary()).isNull();
        assertThat(check.provenance().issued()).isEqualTo(Issued.NOT_IN_REGISTER);
        assertThat(check.registerSummary()).startsWith("Not issued by this portal");
        assertThat(trailAsked).isEmpty();
    }

    @Test
    void unreadableEvidenceIsSaidNotThrown() {
        ReportCheck check = checker(verified("{\"blocks\":[{\"block\":{\"number\":\"0x01\"}}]}"), r -> true).check(PDF);
        assertThat(check.headline()).isEqualTo("VERIFIED PAdES-B-B");
        assertThat(check.ledger()).isNull();
        assertThat(check.ledgerSummary()).contains("could not be read").contains("not a quantity");
    }

    @Test
    void evidenceCitingAnotherChainIsADifference() {
        String json = "{\"blocks\":[{\"block\":{\"number\":\"0x2\",\"hash\":\"0x" + "99".repeat(32) + "\"}}]}";
        ReportCheck check = checker(verified(json), r -> true).check(PDF);
        assertThat(check.ledger().outcome()).isEqualTo(LedgerMatch.Outcome.DIFFERS);
        assertThat(check.ledgerSummary()).contains("differs from the verified chain at block 2");
    }

    @Test
    void anEmptyFileIsRefusedBeforeAnyCheck() {
        ReportCheck check = checker(verified(evidence(1)), r -> true).check(new byte[0]);
        assertThat(check.headline()).isEqualTo("REFUSED EMPTY_FILE");
        assertThat(check.reasonText()).contains("0 bytes");
        assertThat(check.provenance()).isNull();
    }

    @Test
    void everyReasonCodeHasWords() {
        for (ReportReasonCode code : ReportReasonCode.values()) {
            assertThat(ReasonWords.of(code)).as(code.name()).isNotBlank();
        }
    }

    private ReportChecker checker(ReportVerificationResult verdict, java.util.function.Predicate<IssuedReport> visible) {
        return new ReportChecker(pdf -> verdict, new EvidenceBlocks(1 << 20, 10), chain, register, visible,
                (seq, head) -> {
                    trailAsked.add(seq + " " + head);
                    return TrailVerification.intact(seq);
                });
    }

    private static ReportVerificationResult verified(String evidence) {
        byte[] json = evidence.getBytes(StandardCharsets.UTF_8);
        return new ReportVerificationResult(true, null, null, null, null, new SignatureFacts("PAdES-B-B",
                "CN=Custos Report Signer", Instant.parse("2026-12-07T10:00:00Z"), null, RegisterService.sha256(json)),
                json);
    }

    static String evidence(long... numbers) {
        StringBuilder b = new StringBuilder("{\"version\":\"custos-evidence/1\",\"blocks\":[");
        for (int i = 0; i < numbers.length; i++) {
            b.append(i == 0 ? "" : ",").append("{\"block\":{\"number\":\"0x").append(Long.toHexString(numbers[i]))
                    .append("\",\"hash\":\"").append(FakeChain.hash(numbers[i])).append("\"}}");
        }
        return b.append("]}").toString();
    }

    /** Verified blocks 0..9. */
    static final class FakeChain implements VerifiedChain {
        static String hash(long n) {
            return "0x" + String.format("%064x", n + 0x1000);
        }

        @Override
        public java.util.Optional<Range> range() {
            return java.util.Optional.of(new Range(0, 9));
        }

        @Override
        public java.util.Map<Long, String> hashes(java.util.Collection<Long> numbers) {
            java.util.Map<Long, String> out = new java.util.HashMap<>();
            numbers.stream().filter(n -> n >= 0 && n <= 9).forEach(n -> out.put(n, hash(n)));
            return out;
        }
    }
}
