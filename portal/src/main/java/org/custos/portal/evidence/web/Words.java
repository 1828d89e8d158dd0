package org.custos.portal.evidence.web;

/** Counts in words for the evidence pages: "1 entry", "2 entries", "0 entries". */
public final class Words {

    private Words() {
    }

    /** {@code n} and the singular {@code one} when n is 1, else the plural {@code many}. */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
