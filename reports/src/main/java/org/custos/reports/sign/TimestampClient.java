package org.custos.reports.sign;

import java.io.IOException;

/** Obtains an RFC 3161 timestamp token over a SHA-256 digest. */
public interface TimestampClient {

    /** Returns the DER-encoded TimeStampToken (a CMS ContentInfo) whose message imprint is {@code sha256}. */
    byte[] timestamp(byte[] sha256) throws IOException;
}
