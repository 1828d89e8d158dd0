package org.custos.portal.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.custos.portal.evidence.domain.BundleRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.custos.portal.system.Words;

/** Every refusal reason has its own sentence on the page, names its code and says that nothing was stored. */
class RejectionMessagesTest {

    @Test
    void everyReasonHasItsOwnWordsAndNoFilePathOfTheDocs() {
        Set<String> seen = new HashSet<>();
        for (Reason r : Reason.values()) {
            String m = RejectionMessages.of(r);
            assertThat(m).startsWith("Bundle refused (" + r + "): ").endsWith(" Nothing was stored.")
                    .doesNotContain("not a well-formed custos-bundle/1 bundle of this clinic")
                    .doesNotContain("docs/");
            assertThat(seen.add(m)).as("a sentence of its own for %s", r).isTrue();
        }
        assertThat(RejectionMessages.of(Reason.WRONG_CLINIC)).contains("another clinic's bundle");
    }

    @Test
    void countsInWords() {
        assertThat(Words.plural(1, "entry", "entries")).isEqualTo("1 entry");
        assertThat(Words.plural(0, "entry", "entries")).isEqualTo("0 entries");
        assertThat(Words.plural(2, "finding", "findings")).isEqualTo("2 findings");
    }
}
