package org.custos.portal.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.faces.convert.ConverterException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();

    @Test
    void formatsInUtcToTheSecondAndParsesBack() {
        Instant t = Instant.parse("2026-11-21T10:15:30.123456Z");
        String shown = converter.getAsString(null, null, t);
        assertThat(shown).isEqualTo("2026-11-21 10:15:30 UTC");
        assertThat(converter.getAsObject(null, null, shown)).isEqualTo(Instant.parse("2026-11-21T10:15:30Z"));
        assertThat(converter.getAsString(null, null, null)).isEmpty();
    }

    @Test
    void rejectsOtherFormatsClearly() {
        assertThatThrownBy(() -> converter.getAsObject(null, null, "21/11/2026"))
                .isInstanceOf(ConverterException.class).hasMessageContaining("2026-11-21 10:15:30 UTC");
    }
}
