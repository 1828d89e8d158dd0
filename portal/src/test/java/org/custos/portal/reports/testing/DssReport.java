package org.custos.portal.reports.testing;

import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The EU DSS 6.4 side of {@link DssCheck}: a main class run in a JVM of its own whose classpath is test-classes plus
 * {@code target/dss-lib} (DSS with BouncyCastle 1.84 and JAXB 3; DSS reads no signature with 1.85+). It validates one
 * file with DSS's default policy, fully offline (no OCSP, no AIA, no online CRL): trusted are exactly the
 * {@code --trust} certificates (DER), and the {@code --crl} files (DER) are the only revocation data besides what
 * the file itself carries (B-LT).
 *
 * <pre>DssReport FILE.pdf --trust CA.der [--trust ...] [--crl CA.crl ...]</pre>
 * Prints {@code key=value} lines: {@code bouncycastle}, {@code signatures}, and per signature {@code format},
 * {@code indication}, {@code subIndication}, {@code errors}; for a file DSS does not recognise, {@code signatures=0}
 * and {@code unsupported}. Exit 0 when DSS ran (whatever its verdict), 2 on
 * a usage error or any failure of DSS itself (message on stderr): the caller never reads a crash as a verdict.
 *
 * <p>Only DSS and JDK classes are used here: nothing of the portal or of BouncyCastle 1.86 is loaded.
 */
public final class DssReport {

    private DssReport() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try {
            run(args, out);
        } catch (RuntimeException | Error e) {
            System.err.println("DSS failed: " + e);
            e.printStackTrace(System.err);
            System.exit(2);
        }
        System.exit(0);
    }

    private static void run(String[] args, PrintStream out) {
        if (args.length < 3) {
            throw new IllegalArgumentException("usage: DssReport FILE.pdf --trust CA.der [--crl CA.crl ...]");
        }
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        List<DSSDocument> crls = new ArrayList<>();
        for (int i = 1; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + args[i]);
            }
            switch (args[i]) {
                case "--trust" -> trusted.addCertificate(DSSUtils.loadCertificate(new File(args[i + 1])));
                case "--crl" -> crls.add(new FileDocument(args[i + 1]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(crls.isEmpty() ? null
                : new ExternalResourcesCRLSource(crls.toArray(new DSSDocument[0])));
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        out.println("bouncycastle=" + new org.bouncycastle.jce.provider.BouncyCastleProvider().getVersionStr());
        SignedDocumentValidator validator;
        try {
            validator = SignedDocumentValidator.fromDocument(new FileDocument(args[0]));
        } catch (UnsupportedOperationException | DSSException e) {
            // DSS's verdict on a file it does not recognise as a signed document (a non-PDF, an empty file)
            out.println("signatures=0");
            out.println("unsupported=" + oneLine(String.valueOf(e.getMessage())));
            return;
        }
        validator.setCertificateVerifier(verifier);
        SimpleReport report = validator.validateDocument().getSimpleReport();
        out.println("signatures=" + report.getSignaturesCount());
        for (String id : report.getSignatureIdList()) {
            out.println("format=" + report.getSignatureFormat(id).name());
            out.println("indication=" + report.getIndication(id));
            out.println("subIndication=" + (report.getSubIndication(id) == null ? "" : report.getSubIndication(id)));
            out.println("errors=" + oneLine(report.getAdESValidationErrors(id).stream()
                    .map(m -> m.getKey() + ": " + m.getValue()).toList().toString()));
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ");
    }
}
