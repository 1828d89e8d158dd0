package org.custos.portal.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WordsTest {

    private final Words words = new Words();

    @Test
    void countsTakeTheRightPlural() {
        assertEquals("0 findings", words.count(0, "finding", "findings"));
        assertEquals("1 finding", words.count(1, "finding", "findings"));
        assertEquals("1,024 entries", words.count(1024, "entry", "entries"));
    }

    @Test
    void sizesReadAsPeopleReadThem() {
        assertEquals("1 byte", words.size(1));
        assertEquals("1,023 bytes", words.size(1023));
        assertEquals("1.0 KB", words.size(1024));
        assertEquals("132.3 MB", words.size(138_732_321L));
    }

    @Test
    void longIdsAreShortenedOthersKept() {
        assertEquals("0x60e3\u2026c16d", words.shortId("0x60e31bd4c8f2430940f10a83eef8a81de9966e99350ed73fb65c8aacc747c16d"));
        assertEquals("0x1234", words.shortId("0x1234"));
        assertEquals("clinic-north", words.shortId("clinic-north"));
        assertEquals("", words.shortId(null));
    }

    @Test
    void timesUseThePortalsOneFormat() {
        assertEquals("2025-01-31 10:00:00 UTC", words.time(Instant.parse("2025-01-31T10:00:00Z")));
        assertEquals("", words.time(null));
    }

    @Test
    void constantsReadAsWords() {
        assertEquals("UK GDPR", words.constant("UK_GDPR"));
        assertEquals("GDPR", words.constant("GDPR"));
        assertEquals("HIPAA", words.constant("HIPAA"));
        assertEquals("answered late", words.constant("ANSWERED_LATE"));
        assertEquals("erasure", words.constant("ERASURE"));
        assertEquals("", words.constant(null));
    }
}
