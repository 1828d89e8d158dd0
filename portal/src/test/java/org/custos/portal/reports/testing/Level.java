package org.custos.portal.reports.testing;

import java.util.Locale;

/**
 * A PAdES baseline level as each validator names it: Custos's verifier ({@code PAdES-B-T}), EU DSS's
 * {@code SignatureLevel} ({@code PAdES_BASELINE_T}) and the report register's column (same as Custos's).
 */
public enum Level {
    B_B("PAdES-B-B", "PAdES_BASELINE_B"),
    B_T("PAdES-B-T", "PAdES_BASELINE_T"),
    B_LT("PAdES-B-LT", "PAdES_BASELINE_LT");

    private final String custos;
    private final String dss;

    Level(String custos, String dss) {
        this.custos = custos;
        this.dss = dss;
    }

    /** As Custos's verifier and the register name it, e.g. {@code PAdES-B-T}. */
    public String custos() {
        return custos;
    }

    /** As EU DSS's {@code SignatureLevel} enum constant is named, e.g. {@code PAdES_BASELINE_T}. */
    public String dss() {
        return dss;
    }

    /** Reads {@code B-T}, {@code B_T}, {@code PAdES-B-T} or {@code PAdES-BASELINE-T} (any case); else fails. */
    public static Level parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("signature level: expected B-B, B-T or B-LT, got nothing");
        }
        String t = text.trim().toUpperCase(Locale.ROOT).replace('_', '-').replace("PADES-", "").replace("BASELINE-", "B-");
        for (Level level : values()) {
            if (level.name().replace('_', '-').equals(t)) {
                return level;
            }
        }
        throw new IllegalArgumentException("signature level: expected B-B, B-T or B-LT, got \"" + text + "\"");
    }
}
