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
 */
public record BundleLimits(long maxUploadBytes, long maxUncompressedBytes, long maxEntryBytes, long maxManifestBytes,
                           long maxEntries, double maxRatio, long maxSmallFileBytes) {

    /** Limits for a clinic's bundle: up to 2,000,000 entries, 4 GiB uncompressed. */
    public static BundleLimits defaults() {
        return new BundleLimits(1L << 30, 4L << 30, 1L << 20, 512L << 20, 2_100_000, 100.0, 256L << 20);
    }

    public BundleLimits {
        if (maxUploadBytes <= 0 || maxUncompressedBytes <= 0 || maxEntryBytes <= 0 || maxManifestBytes <= 0
                || maxEntries <= 0 || maxRatio <= 1 || maxSmallFileBytes <= 0) {
            throw new IllegalArgumentException("bundle limits must be positive (ratio > 1)");
        }
    }
}
