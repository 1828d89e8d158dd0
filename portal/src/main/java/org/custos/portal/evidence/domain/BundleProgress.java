package org.custos.portal.evidence.domain;

/** Progress of a bundle being read: compressed bytes consumed and entries read so far. */
@FunctionalInterface
public interface BundleProgress {

    BundleProgress NONE = (bytes, entries) -> { };

    void update(long compressedBytes, long entries);
}
