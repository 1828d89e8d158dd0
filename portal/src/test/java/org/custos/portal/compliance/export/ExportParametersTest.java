package org.custos.portal.compliance.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.custos.portal.compliance.domain.FindingStatus;
import org.custos.portal.compliance.domain.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strict reading of export parameters: defaults, normalisation, and a clear refusal for each bad input. */
class ExportParametersTest {

    private static final String CLINIC = "0x" + "AB".repeat(32);

    @Test
    void findingsDefaultToCurrentFindingsOfEveryFilter() {
        FindingsQuery q = ExportParameters.findings(Map.of());
        assertThat(q).isEqualTo(new FindingsQuery(null, null, null, null, true));
    }

    @Test
    void findingsFiltersAreReadAndTheClinicLowerCased() {
        FindingsQuery q = ExportParameters.findings(params("rule", "GDPR-DSR-01", "severity", "s2", "status",
                "accepted", "clinic", CLINIC, "current", "false"));
        assertThat(q).isEqualTo(new FindingsQuery("GDPR-DSR-01", Severity.S2, FindingStatus.ACCEPTED,
                CLINIC.toLowerCase(), false));
    }

    @Test
    void anEmptyValueMeansNotGiven() {
        assertThat(ExportParameters.findings(params("rule", "", "clinic", " ")).ruleId()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rule|gdpr-dsr-01|rule: expected a catalogue rule id",
        "rule|GDPR-DSR-01%|rule: expected a catalogue rule id",
        "severity|S9|severity: expected one of S1, S2, S3, S4",
        "status|CLOSED|status: expected one of OPEN, ACKNOWLEDGED, REMEDIATED, ACCEPTED",
        "current|yes|current: expected true or false",
        "clinic|clinic-north|clinic: expected an on-chain clinic id",
        "clinic|0x1234|clinic: expected an on-chain clinic id",
        "severty|S1|unknown parameter \"severty\"; accepted: clinic, current, rule, severity, status"})
    void badFindingsParametersAreRefusedNamingTheParameter(String name, String value, String message) {
        assertThatThrownBy(() -> ExportParameters.findings(params(name, value)))
                .isInstanceOf(BadExportRequestException.class).hasMessageStartingWith(message);
    }

    @Test
    void aRepeatedParameterIsRefused() {
        Map<String, String[]> p = Map.of("severity", new String[] {"S1", "S2"});
        assertThatThrownBy(() -> ExportParameters.findings(p)).isInstanceOf(BadExportRequestException.class)
                .hasMessage("severity: given 2 times, expected once");
    }

    @Test
    void theSubjectIsRequiredAndLowerCased() {
        String subject = "0x" + "5E".repeat(32);
        assertThat(ExportParameters.disclosures(params("subject", subject)))
                .isEqualTo(new DisclosuresQuery(subject.toLowerCase(), null));
        assertThatThrownBy(() -> ExportParameters.disclosures(Map.of()))
                .isInstanceOf(BadExportRequestException.class).hasMessageStartingWith("subject: required");
    }

    @ParameterizedTest
    @CsvSource({"patient@example.org", "0x1234", "5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e",
        "0xZZ5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e", "%"})
    void aMalformedSubjectIsRefused(String subject) {
        assertThatThrownBy(() -> ExportParameters.disclosures(params("subject", subject)))
                .isInstanceOf(BadExportRequestException.class)
                .hasMessage("subject: expected the data subject's pseudonym as on chain (0x and 64 hex digits)");
    }

    @Test
    void anUnknownParameterNameIsEchoedOnlyAsPrintableText() {
        assertThatThrownBy(() -> ExportParameters.disclosures(params("<script>\u0000x", "1")))
                .hasMessageStartingWith("unknown parameter \"<script>?x\"");
    }

    private static Map<String, String[]> params(String... namesAndValues) {
        Map<String, String[]> p = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            p.put(namesAndValues[i], new String[] {namesAndValues[i + 1]});
        }
        return p;
    }
}
