package org.custos.portal.compliance.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadinessVerdictTest {

    @Test
    void anOpenCriticalFindingMeansNotReadyWithOrWithoutABundle() {
        assertThat(ReadinessVerdict.of(Map.of("S1", 1L), true)).isEqualTo(ReadinessVerdict.NOT_READY);
        assertThat(ReadinessVerdict.of(Map.of("S1", 1L, "S2", 4L), false)).isEqualTo(ReadinessVerdict.NOT_READY);
    }

    @Test
    void withoutAVerifiedBundleTheClinicIsNotAssessedEvenWithNoFinding() {
        assertThat(ReadinessVerdict.of(Map.of(), false)).isEqualTo(ReadinessVerdict.NO_EVIDENCE);
        assertThat(ReadinessVerdict.of(Map.of("S2", 2L), false)).isEqualTo(ReadinessVerdict.NO_EVIDENCE);
    }

    @Test
    void highFindingsPutAClinicAtRiskAndLowerOnesDoNotBlock() {
        assertThat(ReadinessVerdict.of(Map.of("S2", 1L, "S3", 5L), true)).isEqualTo(ReadinessVerdict.AT_RISK);
        assertThat(ReadinessVerdict.of(Map.of("S3", 5L, "S4", 9L), true)).isEqualTo(ReadinessVerdict.READY);
        assertThat(ReadinessVerdict.of(Map.of("S1", 0L, "S2", 0L), true)).isEqualTo(ReadinessVerdict.READY);
    }
}
