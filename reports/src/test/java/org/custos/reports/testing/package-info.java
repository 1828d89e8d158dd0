/**
 * Test support: a throw-away PKI made at test time (CA, signing and TSA certificates, CRL, PKCS#12), a local
 * RFC 3161 timestamp authority on 127.0.0.1, sample reports, the conformance corpus generator, and the fuzz tests'
 * input count and figures ({@code FuzzInputs}, {@code FuzzFigures}; the portal's bundle fuzzing uses them too).
 */
package org.custos.reports.testing;
