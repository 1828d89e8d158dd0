package org.custos.portal.evidence.domain;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * A bundle that passed the reader: well-formed zip within the limits, every file listed in the manifest with its
 * SHA-256, of the expected clinic, access-log entries valid FHIR AuditEvents. Nothing in it is believed yet: the
 * {@link BundleVerifier} checks it against what the clinic anchored on-chain. Holds the access log in compact form
 * ({@link AccessLogTable}, {@link LeafStore}) and the other (small) files by path. Close it to delete the leaf
 * files.
 */
public final class EvidenceBundle implements AutoCloseable {

    private final String sha256;
    private final long compressedBytes;
    private final String clinic;
    private final LeafStore leaves;
    private final AccessLogTable accessLog;
    private final SortedMap<String, byte[]> files;
    private final int consents;
    private final List<String> identifiers;

    EvidenceBundle(String sha256, long compressedBytes, String clinic, LeafStore leaves, AccessLogTable accessLog,
                   SortedMap<String, byte[]> files, int consents, List<String> identifiers) {
        this.sha256 = sha256;
        this.compressedBytes = compressedBytes;
        this.clinic = clinic;
        this.leaves = leaves;
        this.accessLog = accessLog;
        this.files = files;
        this.consents = consents;
        this.identifiers = List.copyOf(identifiers);
    }

    public static String entryPath(long index) {
        return String.format("access-log/%06d.json", index);
    }

    /** SHA-256 of the uploaded zip, 0x-hex: the bundle's identity. */
    public String sha256() {
        return sha256;
    }

    public long compressedBytes() {
        return compressedBytes;
    }

    public String clinic() {
        return clinic;
    }

    public LeafStore leaves() {
        return leaves;
    }

    public AccessLogTable accessLog() {
        return accessLog;
    }

    /** Number of access-log entries. */
    public int entries() {
        return accessLog.size();
    }

    public int consents() {
        return consents;
    }

    /**
     * The identifiers of the bundle's {@code identifiers/dictionary.json} (empty without one), validated by the
     * reader. Personal data: held in memory for the plain-hash check (GDPR-MIN-02) only, never stored (the
     * dictionary's bytes are not among {@link #files()}); gone when the bundle is.
     */
    public List<String> identifiers() {
        return identifiers;
    }

    /** Files other than access-log entries, the manifest and the identifier dictionary, by path. */
    public Map<String, byte[]> files() {
        return Collections.unmodifiableMap(files);
    }

    @Override
    public void close() {
        leaves.close();
    }
}
