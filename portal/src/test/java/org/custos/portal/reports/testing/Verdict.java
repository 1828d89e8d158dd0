package org.custos.portal.reports.testing;

/**
 * One validator's verdict on one file: passed (at the expected level), or refused with what it said. A validator
 * that could not run at all (tool missing, subprocess crashed) throws instead: a crash is never a verdict.
 */
public record Verdict(String validator, boolean passed, String detail) {

    public static Verdict pass(String validator, String detail) {
        return new Verdict(validator, true, detail);
    }

    public static Verdict refuse(String validator, String detail) {
        return new Verdict(validator, false, detail);
    }

    @Override
    public String toString() {
        return validator + ": " + (passed ? "PASSED" : "REFUSED") + " - " + detail;
    }
}
