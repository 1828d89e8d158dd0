package org.custos.portal.compliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputsInWordsTest {

    private static final String SHA = "0x" + "ab".repeat(31) + "cdef";

    @Test
    void aBlockAndABundleInWords() {
        assertThat(InputsInWords.of("block:1567|bundle:" + SHA))
                .isEqualTo("Based on verified block 1,567 and evidence bundle 0xabab\u2026cdef");
    }

    @Test
    void noBundleYet() {
        assertThat(InputsInWords.of("block:12|bundle:none"))
                .isEqualTo("Based on verified block 12; no evidence bundle verified yet");
    }

    @Test
    void anythingElseIsShownAsItIs() {
        assertThat(InputsInWords.of(null)).isNull();
        assertThat(InputsInWords.of(" ")).isNull();
        assertThat(InputsInWords.of("block:x|bundle:none")).isEqualTo("block:x|bundle:none");
        assertThat(InputsInWords.of("block:1")).isEqualTo("block:1");
        assertThat(InputsInWords.of("bundle:" + SHA)).isEqualTo("bundle:" + SHA);
        assertThat(InputsInWords.of("block:1|other:2")).isEqualTo("block:1|other:2");
        assertThat(InputsInWords.of("block:99999999999999999999|bundle:none"))
                .isEqualTo("block:99999999999999999999|bundle:none");
        assertThat(InputsInWords.of("block:5|bundle:")).isEqualTo("block:5|bundle:");
        assertThat(InputsInWords.of("block:9999999999999999999|bundle:none"))
                .isEqualTo("block:9999999999999999999|bundle:none");
    }
}
