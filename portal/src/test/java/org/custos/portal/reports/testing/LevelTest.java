package org.custos.portal.reports.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The level names each validator uses, and the parameter's spellings; anything else is refused by name. */
class LevelTest {

    @Test
    void eachLevelHasTheNamesOfCustosAndDss() {
        assertThat(Level.B_B.custos()).isEqualTo("PAdES-B-B");
        assertThat(Level.B_T.dss()).isEqualTo("PAdES_BASELINE_T");
        assertThat(Level.B_LT.custos()).isEqualTo("PAdES-B-LT");
        assertThat(Level.B_LT.dss()).isEqualTo("PAdES_BASELINE_LT");
    }

    @Test
    void parsesEverySpellingOfALevel() {
        for (String text : new String[] {"B-LT", "b_lt", " PAdES-B-LT ", "PAdES-BASELINE-LT", "PAdES_BASELINE_LT"}) {
            assertThat(Level.parse(text)).as(text).isEqualTo(Level.B_LT);
        }
        assertThat(Level.parse("B-T")).isEqualTo(Level.B_T);
        assertThat(Level.parse("pades-b-b")).isEqualTo(Level.B_B);
    }

    @Test
    void refusesWhatIsNoLevel() {
        for (String text : new String[] {"B-LTA", "LT", "T", "B", "B--T", "B-T-LT", "PAdES", "\u0000", "B-T\n"}) {
            if (text.equals("B-T\n")) {
                // surrounding white space is trimmed: a trailing newline still names B-T
                assertThat(Level.parse(text)).isEqualTo(Level.B_T);
                continue;
            }
            assertThatThrownBy(() -> Level.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected B-B, B-T or B-LT");
        }
        assertThatThrownBy(() -> Level.parse(null)).hasMessageContaining("got nothing");
        assertThatThrownBy(() -> Level.parse("  ")).hasMessageContaining("got nothing");
        assertThatThrownBy(() -> Level.parse("x".repeat(100_000))).isInstanceOf(IllegalArgumentException.class);
    }
}
