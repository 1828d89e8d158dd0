package org.custos.reports.verify;

/** Why a signed report was rejected. Stable names: they appear in CLI output and in docs/reports.md. */
public enum ReportReasonCode {
    /** PDFBox cannot parse the file. */
    MALFORMED_PDF,
    /** No signature dictionary. */
    NO_SIGNATURE,
    /** More than one signature: Custos signs each report exactly once. */
    MULTIPLE_SIGNATURES,
    /** SubFilter other than {@code ETSI.CAdES.detached}. */
    SUBFILTER_UNSUPPORTED,
    /** ByteRange not of the form [0 a b c] around exactly the /Contents hex string. */
    BYTE_RANGE_INVALID,
    /** The signed byte ranges do not end at the end of the file: bytes (e.g. an incremental update) were appended. */
    NOT_WHOLE_FILE,
    /**
     * The /Contents gap is not the one canonical form of its CMS: hex digits of one case, the DER encoding, then
     * only zero bytes. Otherwise unsigned bytes of the file could change while the signature still verifies.
     */
    CONTENTS_NOT_CANONICAL,
    /** The /Contents are not a CMS SignedData with exactly one signer. */
    CMS_MALFORMED,
    /** Digest algorithm other than SHA-256, -384, -512. */
    DIGEST_ALGORITHM_UNSUPPORTED,
    /** The signed message-digest attribute differs from the digest of the signed byte ranges. */
    DIGEST_MISMATCH,
    /** The signature value does not verify with the signer's public key. */
    SIGNATURE_INVALID,
    /** The signer certificate or the signing-certificate-v2 attribute is missing. */
    SIGNING_CERTIFICATE_MISSING,
    /** The signing-certificate-v2 attribute names another certificate. */
    SIGNING_CERTIFICATE_MISMATCH,
    /** The signer certificate does not permit signing (key usage). */
    CERTIFICATE_KEY_USAGE,
    /** No valid chain from the signer certificate to a configured trust anchor at the validation time. */
    CERTIFICATE_UNTRUSTED,
    /** The CMS (or timestamp token) carries a certificate that is not on the validated path. */
    CERTIFICATE_NOT_ON_PATH,
    /** The CMS structure has unsigned parts other than Custos's signer produces (digest algorithm set, versions, CRLs). */
    CMS_UNEXPECTED_CONTENT,
    /** The signature-time-stamp token is malformed or its signature does not verify. */
    TIMESTAMP_INVALID,
    /** The timestamp's message imprint is not the hash of this signature value. */
    TIMESTAMP_IMPRINT_MISMATCH,
    /** No valid chain from the timestamp authority to a configured trust anchor. */
    TIMESTAMP_UNTRUSTED,
    /** The timestamp lies after the verifier's current time. */
    TIMESTAMP_IN_FUTURE,
    /** The catalogue's /DSS (PAdES B-LT validation data) is not a dictionary of certificate, CRL and OCSP streams. */
    DSS_MALFORMED,
    /** The /DSS carries a certificate that is not on the validated path of the signer or the timestamp authority. */
    DSS_CERTIFICATE_NOT_ON_PATH,
    /** A CRL in the /DSS is not issued (name and signature) by a certificate of those validated paths. */
    DSS_CRL_NOT_FROM_CHAIN,
    /** No embedded evidence.json with /AFRelationship /Data. */
    EVIDENCE_MISSING,
    /** The report text carries no "Evidence SHA-256:" line. */
    EVIDENCE_HASH_NOT_PRINTED,
    /** The embedded evidence's SHA-256 differs from the printed one. */
    EVIDENCE_HASH_MISMATCH
}
