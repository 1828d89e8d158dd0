package org.custos.reports.model;

/** The catalogue's severity scale (compliance-catalogue.md: S1 most severe). */
public enum Severity {
    S1("critical"),
    S2("high"),
    S3("medium"),
    S4("low");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return name() + " " + label;
    }
}
