package org.custos.reports.sign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRL;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** CRLs the caller gives as files (DER or PEM, one or more per file), read once when created. */
public final class CrlFiles implements RevocationSource {

    private final List<X509CRL> crls;

    private CrlFiles(List<X509CRL> crls) {
        this.crls = List.copyOf(crls);
    }

    public static CrlFiles of(List<X509CRL> crls) {
        if (crls.isEmpty()) {
            throw new IllegalArgumentException("at least one CRL is required");
        }
        return new CrlFiles(crls);
    }

    /** @throws IllegalArgumentException when a file holds no CRL or something else */
    public static CrlFiles read(List<Path> files) throws IOException {
        List<X509CRL> crls = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                var found = CertificateFactory.getInstance("X.509").generateCRLs(in);
                if (found.isEmpty()) {
                    throw new IllegalArgumentException("no CRL in " + file);
                }
                for (CRL crl : found) {
                    crls.add((X509CRL) crl);
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot read a CRL from " + file + ": " + e.getMessage(), e);
            }
        }
        return of(crls);
    }

    @Override
    public List<X509CRL> crls(List<X509Certificate> certificates) {
        return crls;
    }
}
