package org.custos.reports.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.util.Arrays;
import org.custos.reports.testing.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EU DSS 6.4 (default validation policy), in its own failsafe JVM with BouncyCastle 1.84: with the test CA trusted
 * and its CRL given offline, every signed report is TOTAL_PASSED at PAdES-BASELINE-B, -T when timestamped, -LT with the validation data
 * in the trailing {@code /DSS} update; one
 * changed byte is TOTAL_FAILED / HASH_FAILURE.
 */
class DssConformanceIT {

    static List<String> signed() {
        List<String> files = new ArrayList<>();
        for (String report : Corpus.load().reports) {
            files.addAll(List.of(report + "-b.pdf", report + "-t.pdf", report + "-lt.pdf"));
        }
        return files;
    }

    @Test
    void runsWithBouncyCastle184() {
        // DSS 6.4 reads no signature with BouncyCastle 1.85+ (stack-facts): this JVM must have 1.84
        assertThat(new org.bouncycastle.jce.provider.BouncyCastleProvider().getVersionStr())
                .as("DSS runs only in the failsafe execution 'dss' (reports/pom.xml), where BouncyCastle is 1.84; "
                        + "-Dit.test=DssConformanceIT also selects it in the default execution (BC 1.86)")
                .isEqualTo("1.84");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signed")
    void totalPassedAtTheBaselineLevel(String file) {
        SimpleReport report = validate(Corpus.load().bytes(file));
        String id = report.getFirstSignatureId();
        assertThat(report.getSignaturesCount()).isEqualTo(1);
        assertThat(report.getIndication(id)).as(describe(report, id)).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.getSignatureFormat(id)).isEqualTo(file.endsWith("-lt.pdf")
                ? SignatureLevel.PAdES_BASELINE_LT : file.endsWith("-t.pdf")
                ? SignatureLevel.PAdES_BASELINE_T : SignatureLevel.PAdES_BASELINE_B);
    }

    @Test
    void oneChangedByteFailsTheHash() {
        byte[] pdf = Arrays.clone(Corpus.load().bytes("clinic-audit-b.pdf"));
        int at = new String(pdf, StandardCharsets.ISO_8859_1).indexOf("<dc:title>") + 20;
        pdf[at] ^= 0x01;
        SimpleReport report = validate(pdf);
        String id = report.getFirstSignatureId();
        assertThat(report.getIndication(id)).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(report.getSubIndication(id)).isEqualTo(SubIndication.HASH_FAILURE);
    }

    private static SimpleReport validate(byte[] pdf) {
        Corpus corpus = Corpus.load();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(DSSUtils.loadCertificate(corpus.bytes("ca.pem")));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(new ExternalResourcesCRLSource(new InMemoryDocument(corpus.bytes("ca.crl"))));
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(verifier);
        Reports reports = validator.validateDocument();
        return reports.getSimpleReport();
    }

    private static String describe(SimpleReport report, String id) {
        return report.getIndication(id) + " / " + report.getSubIndication(id) + "\nerrors: "
                + report.getAdESValidationErrors(id) + "\nwarnings: " + report.getAdESValidationWarnings(id);
    }
}
