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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of these test sources in a JVM of EU DSS's own: classpath {@code custos.test.classes} plus
 * {@code custos.dss.lib/*} (DSS with BouncyCastle 1.84 and JAXB 3, copied by portal/pom.xml's dss-lib executions),
 * with the anchors and CRLs appended as {@code --trust FILE.der} and {@code --crl FILE.der}. Returns its standard
 * output; a non-zero exit or a hang is an error carrying its standard error.
 */
final class DssJvm {

    private DssJvm() {
    }

    static String run(Class<?> main, List<String> arguments, List<X509Certificate> anchors, List<X509CRL> crls) {
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
                    classes.toAbsolutePath() + ":" + lib.toAbsolutePath() + "/*", main.getName()));
            command.addAll(arguments);
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
                throw new IllegalStateException(main.getSimpleName() + " did not finish within 180 s: " + arguments);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(main.getSimpleName() + " failed (exit " + process.exitValue() + ") on "
                        + arguments + ":\n" + stdout + Files.readString(stderr));
            }
            return stdout;
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
