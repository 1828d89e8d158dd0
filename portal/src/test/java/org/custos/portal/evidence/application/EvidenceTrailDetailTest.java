package org.custos.portal.evidence.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Instant;
import org.custos.portal.evidence.domain.StoredBundle;
import org.junit.jupiter.api.Test;

/** The trail entry of a bundle verification: counts in words, and a repeat says so with its first verification. */
class EvidenceTrailDetailTest {

    @Test
    void aFirstVerificationInWords() {
        assertThat(EvidenceService.trailDetail("clinic-south (0xab)", 1, 1, null))
                .isEqualTo("clinic clinic-south (0xab), 1 entry, 1 finding");
        assertThat(EvidenceService.trailDetail("0xab", 160, 0, null)).isEqualTo("clinic 0xab, 160 entries, 0 findings");
    }

    @Test
    void theSameBundleAgainNamesItsFirstVerification() throws Exception {
        Constructor<StoredBundle> c = StoredBundle.class.getDeclaredConstructor();
        c.setAccessible(true);
        StoredBundle first = c.newInstance();
        set(first, "uploadedAt", Instant.parse("2026-12-07T10:15:30Z"));
        set(first, "uploadedBy", "regulator");
        assertThat(EvidenceService.trailDetail("clinic-south (0xab)", 160, 25, first)).isEqualTo(
                "clinic clinic-south (0xab), 160 entries, 25 findings; verified again (first verified "
                        + "2026-12-07 10:15:30 UTC by regulator)");
    }

    private static void set(Object o, String field, Object value) throws Exception {
        Field f = StoredBundle.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(o, value);
    }
}
