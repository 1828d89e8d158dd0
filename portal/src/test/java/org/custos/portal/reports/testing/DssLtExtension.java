package org.custos.portal.reports.testing;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.revocation.crl.ExternalResourcesCRLSource;
import java.io.File;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Extends a signed B-T report to PAdES B-LT with EU DSS ({@code PAdESService.extendDocument}: the certificate chains
 * and the given CRLs in the document's DSS dictionary, an incremental update after the signature), offline. Run in
 * DSS's JVM ({@link DssJvm}); {@link #extend} is the test side. It makes a real B-LT file for the validators'
 * B-LT level checks while the portal's own B-LT signing is being written.
 *
 * <pre>DssLtExtension IN.pdf OUT.pdf --trust CA.der [...] --crl CA.crl [...]</pre>
 */
public final class DssLtExtension {

    private DssLtExtension() {
    }

    /** Writes {@code out}: {@code in} extended to B-LT with these anchors and CRLs. */
    static void extend(Path in, Path out, List<X509Certificate> anchors, List<X509CRL> crls) {
        DssJvm.run(DssLtExtension.class, List.of(in.toString(), out.toString()), anchors, crls);
    }

    public static void main(String[] args) {
        try {
            CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
            List<FileDocument> crls = new ArrayList<>();
            for (int i = 2; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--trust" -> trusted.addCertificate(DSSUtils.loadCertificate(new File(args[i + 1])));
                    case "--crl" -> crls.add(new FileDocument(args[i + 1]));
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            CommonCertificateVerifier verifier = new CommonCertificateVerifier();
            verifier.setTrustedCertSources(trusted);
            verifier.setCrlSource(new ExternalResourcesCRLSource(crls.toArray(new DSSDocument[0])));
            verifier.setOcspSource(null);
            verifier.setAIASource(null);
            PAdESSignatureParameters parameters = new PAdESSignatureParameters();
            parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_LT);
            PAdESService service = new PAdESService(verifier);
            // the file is B-T already: extending to LT adds validation data and must not ask for a new timestamp
            service.setTspSource((algorithm, digest) -> {
                throw new UnsupportedOperationException("no timestamp is needed to extend B-T to B-LT");
            });
            service.extendDocument(new FileDocument(args[0]), parameters).save(args[1]);
        } catch (Exception | Error e) {
            System.err.println("DSS extension failed: " + e);
            e.printStackTrace(System.err);
            System.exit(2);
        }
        System.exit(0);
    }
}
