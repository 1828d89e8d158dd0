package org.custos.reports.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.custos.reports.testing.Corpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * poppler's pdfsig (Debian poppler-utils) with a fresh NSS database that trusts the test CA ({@code certutil},
 * libnss3-tools, trust flags C,C,C): every signed report is "Signature is Valid" with a trusted certificate, and one
 * changed byte is not valid. pdfsig exits 0 even on a digest mismatch, so its output is read. Missing tools fail the
 * test (scripts/lib/install.sh installs them).
 */
class PdfsigConformanceIT {

    @TempDir
    static Path nss;

    @BeforeAll
    static void database() throws Exception {
        requireTool("pdfsig", "poppler-utils");
        requireTool("certutil", "libnss3-tools");
        Corpus corpus = Corpus.load();
        run("certutil", "-N", "-d", "sql:" + nss, "--empty-password");
        run("certutil", "-A", "-d", "sql:" + nss, "-n", "custos-test-ca", "-t", "C,C,C", "-i",
                corpus.file("ca.pem").toString());
    }

    static List<String> signed() {
        List<String> files = new ArrayList<>();
        for (String report : Corpus.load().reports) {
            files.addAll(List.of(report + "-b.pdf", report + "-t.pdf", report + "-lt.pdf"));
        }
        return files;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signed")
    void signatureIsValidAndTrusted(String file) throws Exception {
        String out = pdfsig(Corpus.load().file(file));
        assertThat(out).contains("Signature Validation: Signature is Valid.")
                .contains("Certificate Validation: Certificate is Trusted.")
                .contains("Signature Type: ETSI.CAdES.detached");
        if (file.endsWith("-lt.pdf")) {
            // B-LT: the validation data is an update after the signed revision (EU DSS reads it only there), so
            // pdfsig rightly says the signature does not cover the whole file; Custos's verifier accepts exactly
            // that one /DSS update and nothing else (TrailingDss), and ConformanceCorpus checked it did
            int size = (int) java.nio.file.Files.size(Corpus.load().file(file));
            assertThat(out).contains("Not total document signed").doesNotContain("Total document signed\n")
                    .containsPattern("Signed Ranges: \\[0 - \\d+\\], \\[\\d+ - \\d+\\]");
            assertThat(size).isGreaterThan(signedEnd(out));
        } else {
            assertThat(out).contains("Total document signed");
        }
    }

    @Test
    void oneChangedByteIsNotValid(@TempDir Path temp) throws Exception {
        byte[] pdf = Corpus.load().bytes("clinic-audit-b.pdf");
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("<dc:title>") + 20;
        pdf[at] ^= 0x01;
        Path tampered = Files.write(temp.resolve("tampered.pdf"), pdf);
        String out = pdfsig(tampered);
        assertThat(out).doesNotContain("Signature is Valid.").contains("Signature Validation:");
    }

    /** The end of the last signed range pdfsig printed. */
    private static int signedEnd(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("Signed Ranges: \\[0 - \\d+\\], \\[(\\d+) - (\\d+)\\]").matcher(out);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(2));
    }

    private static String pdfsig(Path file) throws Exception {
        return run("pdfsig", "-nssdir", "sql:" + nss, file.toString());
    }

    private static void requireTool(String tool, String debianPackage) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            found |= Files.isExecutable(Path.of(dir, tool));
        }
        assertThat(found).as(tool + " is not installed: install the Debian package " + debianPackage
                + " (scripts/lib/install.sh does it)").isTrue();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
        return out;
    }
}
