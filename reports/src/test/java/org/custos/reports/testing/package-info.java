/**
 * Test support: a throw-away PKI made at test time (CA, signing and TSA certificates, CRL, PKCS#12), a local
 * RFC 3161 timestamp authority on 127.0.0.1, sample reports, and the conformance corpus generator.
 */
package org.custos.reports.testing;
