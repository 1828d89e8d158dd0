package org.custos.portal.compliance.web;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * An evaluation's input mark ({@code block:1567|bundle:0x…}, as the chain evaluation and the bundle upload store it)
 * in words for the readiness page: "Based on verified block 1,567 and bundle 0x1234…cdef". A mark of another form
 * is shown as it is.
 */
public final class InputsInWords {

    private InputsInWords() {
    }

    /** The mark in words; null for null. */
    public static String of(String mark) {
        if (mark == null || mark.isBlank()) {
            return null;
        }
        String block = null;
        String bundle = null;
        for (String part : mark.split("\\|")) {
            if (part.startsWith("block:")) {
                block = part.substring(6);
            } else if (part.startsWith("bundle:")) {
                bundle = part.substring(7);
            } else {
                return mark;
            }
        }
        if (block == null || !block.matches("\\d{1,18}") || bundle == null || bundle.isEmpty()) {
            return mark;
        }
        String words = "Based on verified block " + NumberFormat.getIntegerInstance(Locale.ENGLISH)
                .format(Long.parseLong(block));
        return "none".equals(bundle) ? words + "; no evidence bundle verified yet"
                : words + " and evidence bundle " + shortHash(bundle);
    }

    /** {@code 0x1234…cdef} for a long hash; short text as it is. */
    static String shortHash(String hash) {
        return hash.length() <= 14 ? hash : hash.substring(0, 6) + "\u2026" + hash.substring(hash.length() - 4);
    }
}
