package org.custos.reports.testing;

/** How many mutated inputs a fuzz test generates, and the one seed their generator seeds come from. */
public final class FuzzInputs {

    /** Inputs in the unit suite (scripts/test.sh); scripts/fuzz.sh asks for 10,000 with -Dcustos.fuzz.inputs. */
    public static final int UNIT_SUITE = 2000;
    /** Fixed, so that a run is repeatable; each input's own seed is in its failure message. */
    public static final long SEED = 20261207L;

    private FuzzInputs() {
    }

    public static int count() {
        return Integer.getInteger("custos.fuzz.inputs", UNIT_SUITE);
    }
}
