package org.custos.reports.sign;

import java.io.IOException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Revocation data for PAdES B-LT: CRLs that cover the given certificates (the signer's chain and the timestamp
 * authority's). The signer checks what it gets: each certificate that is not self-signed needs a CRL signed by its
 * issuer that does not list it.
 */
public interface RevocationSource {

    /** CRLs for {@code certificates}; may return more than needed (unrelated ones are left out of the DSS). */
    List<X509CRL> crls(List<X509Certificate> certificates) throws IOException;
}
