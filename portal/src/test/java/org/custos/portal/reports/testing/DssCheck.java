package org.custos.portal.reports.testing;

import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EU DSS 6.4 with its default validation policy, run as {@link DssReport} in a JVM of its own ({@link DssJvm}). Passes when the file holds exactly one signature that DSS rates
 * {@code TOTAL_PASSED} at exactly the expected {@code PAdES-BASELINE-*} level; refuses otherwise, with DSS's
 * indication, sub-indication and errors. DSS that did not run, or ran with another BouncyCastle than 1.84 (it then
 * finds no signature at all), is an error, not a refusal.
 */
final class DssCheck {

    static final String NAME = "EU DSS";
    private static final String REQUIRED_BOUNCYCASTLE = "1.84";

    private final List<X509Certificate> anchors;
    private final List<X509CRL> crls;

    DssCheck(ConformanceSettings settings) {
        this.anchors = settings.anchors();
        this.crls = settings.crls();
    }

    Verdict check(Path pdf, Level expected) {
        Map<String, List<String>> out = run(pdf);
        List<String> bc = out.getOrDefault("bouncycastle", List.of());
        if (!bc.equals(List.of(REQUIRED_BOUNCYCASTLE))) {
            throw new IllegalStateException("DSS ran with BouncyCastle " + bc + ", not " + REQUIRED_BOUNCYCASTLE
                    + ": check the dss-lib executions in portal/pom.xml");
        }
        String summary = "signatures " + out.get("signatures")
                + (out.containsKey("unsupported") ? " (" + out.get("unsupported") + ")" : "")
                + ", format " + out.get("format") + ", indication " + out.get("indication") + " / "
                + out.get("subIndication") + ", errors " + out.get("errors");
        boolean passed = List.of("1").equals(out.get("signatures"))
                && List.of("TOTAL_PASSED").equals(out.get("indication"))
                && List.of(expected.dss()).equals(out.get("format"));
        return passed ? Verdict.pass(NAME, summary) : Verdict.refuse(NAME, summary);
    }

    private Map<String, List<String>> run(Path pdf) {
        String stdout = DssJvm.run(DssReport.class, List.of(pdf.toString()), anchors, crls);
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String line : stdout.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
            }
        }
        return values;
    }
}
