package org.custos.portal.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.custos.portal.compliance.domain.FindingRepository;
import org.custos.portal.compliance.domain.FindingStatus;
import org.custos.portal.compliance.domain.Severity;
import org.junit.jupiter.api.Test;

class FindingsFilterTest {

    private static final String CLINIC = "0x" + "ab".repeat(32);

    @Test
    void knownValuesBecomeTheRepositoryFilterAndTheExportQuery() {
        FindingsFilter f = new FindingsFilter();
        f.setRule("GDPR-ER-01");
        f.setSeverity("s1");
        f.setStatus("OPEN");
        f.setClinic(CLINIC.toUpperCase().replace("0X", "0x"));
        f.setCurrent(false);
        assertThat(f.toFilter()).isEqualTo(new FindingRepository.Filter(CLINIC, "GDPR-ER-01", Severity.S1,
                FindingStatus.OPEN, false));
        assertThat(f.query()).isEqualTo("rule=GDPR-ER-01&severity=S1&status=OPEN&clinic=" + CLINIC + "&current=false");
    }

    @Test
    void unknownOrBlankValuesAreNoConditionNotAnError() {
        FindingsFilter f = new FindingsFilter();
        f.setRule(" ");
        f.setSeverity("S9");
        f.setStatus("CLOSED");
        f.setClinic("clinic-south");
        assertThat(f.toFilter()).isEqualTo(new FindingRepository.Filter(null, null, null, null, true));
        assertThat(f.query()).isEqualTo("current=true");
    }

    @Test
    void theExportQueryIsUrlEncoded() {
        FindingsFilter f = new FindingsFilter();
        f.setRule("A&B=C <x>");
        assertThat(f.query()).isEqualTo("rule=A%26B%3DC+%3Cx%3E&current=true");
    }
}
