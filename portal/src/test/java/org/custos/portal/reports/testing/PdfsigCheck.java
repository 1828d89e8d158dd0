package org.custos.portal.reports.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * poppler's {@code pdfsig} (Debian poppler-utils) with a fresh NSS database that trusts exactly the anchors
 * ({@code certutil} from libnss3-tools, trust flags C,C,C). Passes when the file has exactly one signature that is
 * "Signature is Valid", "Certificate is Trusted" and covers the "Total document signed" (at B-LT the validation
 * data may follow the signature in an incremental update, which pdfsig cannot tell from any other appended bytes:
 * there it accepts "Not total document signed" and leaves what follows to Custos's verifier). pdfsig exits 0 even on a
 * digest mismatch, so its output is read; a file pdfsig cannot read at all (non-zero exit) is refused with its
 * message. A missing tool is an error (scripts/lib/install.sh installs both).
 */
final class PdfsigCheck {

    static final String NAME = "pdfsig";

    private final List<X509Certificate> anchors;

    PdfsigCheck(ConformanceSettings settings) {
        this.anchors = settings.anchors();
    }

    Verdict check(Path pdf, Level expected) {
        requireTool("pdfsig", "poppler-utils");
        requireTool("certutil", "libnss3-tools");
        Path nss = null;
        try {
            nss = Files.createTempDirectory("custos-nss-");
            Run created = run("certutil", "-N", "-d", "sql:" + nss, "--empty-password");
            require(created);
            int n = 0;
            for (X509Certificate anchor : anchors) {
                Path pem = Files.writeString(nss.resolve("anchor-" + n + ".pem"), pem(anchor));
                require(run("certutil", "-A", "-d", "sql:" + nss, "-n", "custos-anchor-" + n++, "-t", "C,C,C",
                        "-i", pem.toString()));
            }
            Run sig = run("pdfsig", "-nssdir", "sql:" + nss, pdf.toString());
            String out = sig.output.replaceAll("\\s+$", "");
            if (sig.status != 0) {
                return Verdict.refuse(NAME, "exit " + sig.status + ": " + out);
            }
            boolean whole = out.contains("Total document signed") && !out.contains("Not total document signed");
            boolean passed = out.contains("Signature #1") && !out.contains("Signature #2")
                    && out.contains("Signature Validation: Signature is Valid.")
                    && out.contains("Certificate Validation: Certificate is Trusted.")
                    && (whole || expected == Level.B_LT);
            return passed ? Verdict.pass(NAME, "valid, trusted, " + (whole ? "total document signed"
                    : "not total document signed (B-LT: validation data appended after the signature)"))
                    : Verdict.refuse(NAME, verdictLines(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempDirs.delete(nss);
        }
    }

    /** The lines that carry pdfsig's verdicts (signature, certificate, coverage), else all of its output. */
    private static String verdictLines(String out) {
        String lines = out.lines().map(String::trim).filter(l -> l.startsWith("Signature #") || l.contains("Validation:")
                || l.contains("document signed")).collect(java.util.stream.Collectors.joining("; "));
        return lines.isEmpty() ? out.replace('\n', ' ') : lines;
    }

    private record Run(int status, String output, String command) {
    }

    private static void require(Run run) {
        if (run.status != 0) {
            throw new IllegalStateException(run.command + " failed (exit " + run.status + "): " + run.output);
        }
    }

    private static Run run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Run(process.exitValue(), out, String.join(" ", command));
    }

    private static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireTool(String tool, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        throw new IllegalStateException(tool + " is not installed: install the Debian package " + debianPackage
                + " (scripts/lib/install.sh does it)");
    }
}
