package org.custos.reports.archfixture;

/** Depends on a Jakarta EE API (here JAXB, on the test class path through veraPDF): must break the rule. */
public final class PlantedPortalDependentRenderer {

    public String hex(byte[] data) {
        return jakarta.xml.bind.DatatypeConverter.printHexBinary(data);
    }
}
