package org.custos.portal.evidence.domain;

/**
 * Limits on an uploaded evidence bundle, checked while it streams in: the upload is refused as soon as one is
 * exceeded (nothing is stored).
 *
 * @param maxUploadBytes       compressed size of the zip
 * @param maxUncompressedBytes sum of the uncompressed sizes of all entries
 * @param maxEntryBytes        uncompressed size of one entry other than the manifest
 * @param maxManifestBytes     uncompressed size of {@code manifest.json}
 * @param maxEntries           number of zip entries
 * @param maxRatio             uncompressed / compressed bytes, for the whole stream once past 1 MiB (zip bomb)
 * @param maxSmallFileBytes    sum of the files other than access-log entries kept in memory (documents, heads,
 *                             consents, receipts)
 * @param maxDictionaryBytes   uncompressed size of {@code identifiers/dictionary.json}
 * @param maxIdentifiers       number of identifiers in it
 */
public record BundleLimits(long maxUploadBytes, long maxUncompressedBytes, long maxEntryBytes, long maxManifestBytes,
                           long maxEntries, double maxRatio, long maxSmallFileBytes, long maxDictionaryBytes,
                           int maxIdentifiers) {

    /** Longest identifier accepted in the dictionary, in UTF-16 units. */
    public static final int MAX_IDENTIFIER_LENGTH = 256;

    /**
     * Limits for a clinic's bundle: up to 2,000,000 entries, 4 GiB uncompressed; a dictionary of up to 1,000,000
     * identifiers in 64 MiB.
     */
    public static BundleLimits defaults() {
        return new BundleLimits(1L << 30, 4L << 30, 1L << 20, 512L << 20, 2_100_000, 100.0, 256L << 20);
    }

    /** Limits with the default dictionary limits (64 MiB, 1,000,000 identifiers). */
    public BundleLimits(long maxUploadBytes, long maxUncompressedBytes, long maxEntryBytes, long maxManifestBytes,
                        long maxEntries, double maxRatio, long maxSmallFileBytes) {
        this(maxUploadBytes, maxUncompressedBytes, maxEntryBytes, maxManifestBytes, maxEntries, maxRatio,
                maxSmallFileBytes, 64L << 20, 1_000_000);
    }

    public BundleLimits {
        if (maxUploadBytes <= 0 || maxUncompressedBytes <= 0 || maxEntryBytes <= 0 || maxManifestBytes <= 0
                || maxEntries <= 0 || maxRatio <= 1 || maxSmallFileBytes <= 0 || maxDictionaryBytes <= 0
                || maxIdentifiers <= 0) {
            throw new IllegalArgumentException("bundle limits must be positive (ratio > 1)");
        }
    }
}
