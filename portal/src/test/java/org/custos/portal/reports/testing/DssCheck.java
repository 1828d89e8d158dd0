package org.custos.portal.reports.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * EU DSS 6.4 with its default validation policy, run as {@link DssReport} in a JVM of its own on
 * {@code target/dss-lib} (system property {@code custos.dss.lib}) plus test-classes ({@code custos.test.classes}),
 * both set by failsafe in portal/pom.xml. Passes when the file holds exactly one signature that DSS rates
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
        Path lib = Path.of(System.getProperty("custos.dss.lib", "target/dss-lib"));
        Path classes = Path.of(System.getProperty("custos.test.classes", "target/test-classes"));
        if (!Files.isDirectory(lib) || !Files.isDirectory(classes)) {
            throw new IllegalStateException("DSS classpath missing (" + lib + ", " + classes + "): the portal's "
                    + "dss-lib executions run in pre-integration-test: run the test with `mvn verify`");
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("custos-dss-");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp",
                    classes + ":" + lib.toAbsolutePath() + "/*", DssReport.class.getName(), pdf.toString()));
            int n = 0;
            for (X509Certificate anchor : anchors) {
                command.addAll(List.of("--trust", Files.write(work.resolve("anchor-" + n++ + ".der"),
                        anchor.getEncoded()).toString()));
            }
            for (X509CRL crl : crls) {
                command.addAll(List.of("--crl", Files.write(work.resolve("crl-" + n++ + ".der"),
                        crl.getEncoded()).toString()));
            }
            Path stderr = work.resolve("stderr.txt");
            Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("DSS did not finish within 180 s on " + pdf);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("DSS failed (exit " + process.exitValue() + ") on " + pdf + ":\n"
                        + stdout + Files.readString(stderr));
            }
            Map<String, List<String>> values = new LinkedHashMap<>();
            for (String line : stdout.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.computeIfAbsent(line.substring(0, eq), k -> new ArrayList<>()).add(line.substring(eq + 1));
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            TempDirs.delete(work);
        }
    }
}
