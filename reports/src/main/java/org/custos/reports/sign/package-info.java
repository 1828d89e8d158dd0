/**
 * PAdES signing of rendered reports: baseline B-B (CMS detached, SubFilter {@code ETSI.CAdES.detached},
 * signing-certificate-v2, no signing-time attribute) and B-T when an RFC 3161 timestamp authority is configured.
 * The key comes from a PKCS#12 keystore named by configuration; the signing time from an injected
 * {@link java.time.Clock}. Depends on PDFBox and BouncyCastle only; never reads the system clock.
 */
package org.custos.reports.sign;
