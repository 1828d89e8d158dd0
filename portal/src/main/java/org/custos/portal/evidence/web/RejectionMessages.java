package org.custos.portal.evidence.web;

import org.custos.portal.evidence.domain.BundleRejectedException;

/** A refused upload in words for the page: why, and that nothing was stored. The bundle's own text is not shown. */
public final class RejectionMessages {

    private RejectionMessages() {
    }

    public static String of(BundleRejectedException.Reason reason) {
        String why = switch (reason) {
            case NOT_A_ZIP -> "The file is not a zip archive.";
            case TOO_LARGE -> "The file is larger than the upload limit.";
            case ZIP_BOMB -> "The archive inflates far more than a bundle can (a zip bomb).";
            case TOO_MANY_ENTRIES -> "The archive has more entries than a bundle may have.";
            case UNSAFE_PATH -> "The archive holds an unsafe path (absolute, '..' or a link): path traversal.";
            case DUPLICATE_ENTRY -> "The archive holds the same path twice.";
            case MISSING_MANIFEST -> "The archive has no manifest.json: it is not a custos-bundle/1 bundle.";
            case BAD_MANIFEST -> "The manifest is not a valid custos-bundle/1 manifest (wrong format).";
            case UNLISTED_FILE -> "The archive holds a file its manifest does not list.";
            case MISSING_FILE -> "A file listed in the manifest is missing from the archive.";
            case HASH_MISMATCH -> "A file does not have the SHA-256 its manifest lists.";
            case WRONG_CLINIC -> "The bundle is another clinic's bundle.";
            case BAD_ENTRY -> "An access-log entry is not a valid FHIR AuditEvent of the bundle's format.";
            case BAD_DICTIONARY -> "The identifier dictionary is not a valid custos-identifiers/1 file.";
            default -> "The file is not a well-formed custos-bundle/1 bundle of this clinic.";
        };
        return "Bundle refused (" + reason + "): " + why + " Nothing was stored.";
    }
}
