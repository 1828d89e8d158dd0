package org.custos.portal.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A register row's invariants are checked when it is built. */
class IssuedReportTest {

    private static final String CLINIC = "0x" + "AB".repeat(32);
    private static final String SHA = "1a".repeat(32);
    private static final Instant AT = Instant.parse("2026-12-07T10:00:00.123456789Z");

    @Test
    void aWellFormedRowKeepsItsValuesWithTheClinicInLowerCaseAndMicroseconds() {
        IssuedReport r = row("CUSTOS-20261207-1a2b3c4d5e6f", ReportKind.CLINIC_AUDIT, CLINIC);
        assertThat(r.getClinicId()).isEqualTo(CLINIC.toLowerCase());
        assertThat(r.getIssuedAt()).isEqualTo(Instant.parse("2026-12-07T10:00:00.123456Z"));
        assertThat(r.getKindLabel()).isEqualTo("Clinic audit report");
    }

    @Test
    void onlyTheConsortiumReportHasNoClinic() {
        assertThat(row("C-1", ReportKind.CONSORTIUM_INTEGRITY, null).getClinicId()).isNull();
        assertThatThrownBy(() -> row("C-2", ReportKind.CONSORTIUM_INTEGRITY, CLINIC))
                .isInstanceOf(IllegalArgumentException.class);
        for (ReportKind kind : ReportKind.values()) {
            if (kind.clinicBound()) {
                assertThatThrownBy(() -> row("C-3", kind, null)).as(kind.name())
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    void malformedValuesAreRefused() {
        for (String id : new String[] {null, "", "-x", "a b", "a/b", "a\"b", "x".repeat(65)}) {
            assertThatThrownBy(() -> row(id, ReportKind.CLINIC_AUDIT, CLINIC)).as(String.valueOf(id))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> row("C-4", ReportKind.CLINIC_AUDIT, "clinic-north"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IssuedReport("C-5", ReportKind.CLINIC_AUDIT, CLINIC, null, "u", "regulator", AT,
                SHA.toUpperCase(), SHA, 1, "PAdES-B-B", 0, "h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IssuedReport("C-6", ReportKind.CLINIC_AUDIT, CLINIC, null, "u", "regulator", AT,
                SHA, SHA, 0, "PAdES-B-B", 0, "h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IssuedReport("C-7", ReportKind.CLINIC_AUDIT, CLINIC, "s".repeat(201), "u",
                "regulator", AT, SHA, SHA, 1, "PAdES-B-B", 0, "h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IssuedReport("C-8", ReportKind.CLINIC_AUDIT, CLINIC, null, "u", "regulator", AT,
                SHA, SHA, 1, "PAdES-B-B", -1, "h")).isInstanceOf(IllegalArgumentException.class);
    }

    private static IssuedReport row(String id, ReportKind kind, String clinic) {
        return new IssuedReport(id, kind, clinic, null, "regulator-1", "regulator", AT, SHA, SHA, 1234, "PAdES-B-T",
                9, "0x" + "cd".repeat(32));
    }
}
