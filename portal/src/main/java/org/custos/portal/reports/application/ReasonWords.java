package org.custos.portal.reports.application;

import org.custos.reports.verify.ReportReasonCode;

/** The verifier's reason codes in words, for people reading the verify page (docs/reports.md lists them). */
final class ReasonWords {

    private ReasonWords() {
    }

    static String of(ReportReasonCode code) {
        return switch (code) {
            case MALFORMED_PDF -> "the file is not a readable PDF";
            case NO_SIGNATURE -> "the PDF carries no signature";
            case MULTIPLE_SIGNATURES -> "the PDF carries more than one signature; Custos signs each report once";
            case SUBFILTER_UNSUPPORTED -> "the signature is not a PAdES (ETSI.CAdES.detached) signature";
            case BYTE_RANGE_INVALID -> "the signed byte ranges do not frame exactly the signature";
            case NOT_WHOLE_FILE -> "the signature does not cover the whole file: bytes were appended after signing "
                    + "(for example an incremental update)";
            case CONTENTS_NOT_CANONICAL -> "the signature's container is not in its one canonical form";
            case CMS_MALFORMED -> "the signature is not a well-formed CMS SignedData with one signer";
            case DIGEST_ALGORITHM_UNSUPPORTED -> "the signature uses a digest algorithm other than SHA-2";
            case DIGEST_MISMATCH -> "the signed content changed after signing: its digest differs from the signed one";
            case SIGNATURE_INVALID -> "the signature value does not verify with the signer's key";
            case SIGNING_CERTIFICATE_MISSING -> "the signer's certificate or its signed reference is missing";
            case SIGNING_CERTIFICATE_MISMATCH -> "the signed reference names another certificate than the signer's";
            case CERTIFICATE_KEY_USAGE -> "the signer's certificate does not permit signing";
            case CERTIFICATE_UNTRUSTED -> "the signer's certificate does not chain to this portal's trust anchor";
            case CERTIFICATE_NOT_ON_PATH -> "the signature carries a certificate that is not on its trust chain";
            case CMS_UNEXPECTED_CONTENT -> "the signature holds unsigned parts a Custos signature never has";
            case TIMESTAMP_INVALID -> "the signature's timestamp is malformed or does not verify";
            case TIMESTAMP_IMPRINT_MISMATCH -> "the timestamp is not over this signature";
            case TIMESTAMP_UNTRUSTED -> "the timestamp authority does not chain to this portal's trust anchor";
            case TIMESTAMP_IN_FUTURE -> "the timestamp lies in the future";
            case EVIDENCE_MISSING -> "the PDF carries no embedded evidence.json";
            case EVIDENCE_HASH_NOT_PRINTED -> "the report text prints no evidence SHA-256";
            case EVIDENCE_HASH_MISMATCH -> "the embedded evidence differs from the SHA-256 printed in the report";
            // a code added to the verifier later still gets its name and docs/reports.md's explanation
            default -> "refused by the verifier (" + code.name() + ", see docs/reports.md)";
        };
    }
}
