package org.custos.reports.render;

import java.awt.Color;
import org.custos.reports.model.Severity;

/** The report palette (sRGB, matching the output intent). Severity colours are used as cell backgrounds. */
public final class Colours {

    public static final Color TEXT = new Color(0x1f, 0x23, 0x28);
    public static final Color MUTED = new Color(0x59, 0x63, 0x6e);
    public static final Color ACCENT = new Color(0x0b, 0x4f, 0x8a);
    public static final Color RULE = new Color(0xc8, 0xcf, 0xd6);
    public static final Color HEADER_FILL = new Color(0xe3, 0xea, 0xf2);
    public static final Color PASS = new Color(0xd6, 0xf0, 0xdc);
    public static final Color FAIL = new Color(0xf8, 0xd0, 0xd0);
    public static final Color WARNING_FILL = new Color(0xfd, 0xf0, 0xd5);
    public static final Color WARNING_BAR = new Color(0xc2, 0x6a, 0x00);
    public static final Color PASS_BAR = new Color(0x2e, 0x7d, 0x32);
    public static final Color NOTE_FILL = new Color(0xec, 0xf1, 0xf7);

    private Colours() {
    }

    public static Color severity(Severity severity) {
        return switch (severity) {
            case S1 -> new Color(0xf4, 0xb4, 0xb4);
            case S2 -> new Color(0xf9, 0xd2, 0xa6);
            case S3 -> new Color(0xfb, 0xec, 0xa8);
            case S4 -> new Color(0xd9, 0xe7, 0xf5);
        };
    }

    public static Color verdict(boolean passed) {
        return passed ? PASS : FAIL;
    }
}
