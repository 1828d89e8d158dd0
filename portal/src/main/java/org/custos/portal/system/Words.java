package org.custos.portal.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.Locale;

/**
 * Small wording helpers for pages, in EL as {@code #{words.…}}: counts with the right plural, numbers with
 * thousands separators, long hex ids shortened for reading (the full id goes in a {@code title} and in links), and
 * the portal's one time format ({@link InstantConverter}) where a value is not rendered by a converter (link
 * labels).
 */
@Named("words")
@ApplicationScoped
public class Words {

    /** "1 finding", "2 findings", "1,024 findings". */
    public String count(long n, String one, String many) {
        return plural(n, one, many);
    }

    /** {@link #count} for Java callers (services that compose a sentence). */
    public static String plural(long n, String one, String many) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(n) + " " + (n == 1 ? one : many);
    }

    /** 1567 as "1,567". */
    public String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(n);
    }

    /** A size as people read it: "812 bytes", "41.3 KB", "132.3 MB" (1 KB = 1,024 bytes). */
    public String size(long bytes) {
        if (bytes < 1024) {
            return count(bytes, "byte", "bytes");
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.UK, "%.1f %s", v, units[u]);
    }

    /** {@code 0x1234…cdef} for a 0x id longer than 18 characters; anything else as given; empty for null. */
    public String shortId(String id) {
        if (id == null) {
            return "";
        }
        return id.startsWith("0x") && id.length() > 18 ? id.substring(0, 6) + "\u2026" + id.substring(id.length() - 4)
                : id;
    }

    /** A time in the portal's one format ({@code yyyy-MM-dd HH:mm:ss UTC}); empty for null. */
    public String time(Instant t) {
        return t == null ? "" : InstantConverter.FORMAT.format(t);
    }

    /** An enum constant as words: {@code UK_GDPR} as "UK GDPR", {@code ANSWERED_LATE} as "answered late". */
    public String constant(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (s.equals("UK_GDPR")) {
            return "UK GDPR";
        }
        if (s.equals("GDPR") || s.equals("HIPAA")) {
            return s;
        }
        return s.replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
