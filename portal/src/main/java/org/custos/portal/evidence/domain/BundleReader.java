package org.custos.portal.evidence.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.custos.portal.evidence.domain.BundleRejectedException.Reason;
import org.custos.verify.Hex;

/**
 * Reads an evidence bundle (docs/evidence-bundle.md, {@code custos-bundle/1}) from a stream, in one pass, in
 * bounded memory: access-log entries are hashed (leaf and SHA-256 into a temporary file) and parsed into compact
 * columns as they arrive, the manifest is spooled to a temporary file and parsed as a stream afterwards. Refuses
 * with a {@link BundleRejectedException} naming the reason: not a zip, over a size or count limit, a compression
 * ratio of a zip bomb, an unsafe or duplicate path, an unknown file, a missing or malformed manifest, a file not
 * listed or listed but missing, a SHA-256 mismatch, another clinic, an invalid FHIR entry. Relies on no entry
 * order and no zip metadata. The order of the reasons does not depend on the order of the zip's files: first the
 * archive itself (zip, sizes, paths, names) as it streams, then the manifest's presence, format and clinic
 * (WRONG_CLINIC), then its listing and hashes, and only then an invalid entry or consent (BAD_ENTRY), which is
 * remembered while reading (later entries are hashed but no longer parsed).
 */
public final class BundleReader {

    public static final String FORMAT = "custos-bundle/1";
    public static final String MANIFEST = "manifest.json";
    /**
     * Optional: identifiers the clinic lists for the plain-hash check (GDPR-MIN-02),
     * {@code {"format":"custos-identifiers/1","identifiers":["MRN-…","…"]}}, role {@code identifier-dictionary}.
     * Personal data: parsed into {@link EvidenceBundle#identifiers()} (memory only) and its bytes dropped; never
     * stored, logged or copied into a finding.
     */
    public static final String IDENTIFIERS = "identifiers/dictionary.json";
    public static final String IDENTIFIERS_FORMAT = "custos-identifiers/1";

    static final Pattern ENTRY = Pattern.compile("access-log/(\\d{6,7})\\.json");
    private static final Pattern SMALL = Pattern.compile(
            "(checkpoints/\\d{6,7}\\.(json|sig))|(consents/\\d{6,7}\\.json)"
                    + "|(documents/[a-z0-9][a-z0-9-]{0,62}-v\\d{1,6}\\.(md|json))|(kms-receipts/\\d{6,7}\\.(json|sig))|(identifiers/dictionary\\.json)");

    private final BundleLimits limits;
    private final java.util.concurrent.Executor parsers;

    /** A reader that parses entries on the calling thread. */
    public BundleReader(BundleLimits limits) {
        this(limits, null);
    }

    /**
     * A reader that parses entries on {@code parsers} (e.g. a managed executor of two threads) while it inflates
     * and hashes the next ones; null parses on the calling thread.
     */
    public BundleReader(BundleLimits limits, java.util.concurrent.Executor parsers) {
        this.limits = limits;
        this.parsers = parsers;
    }

    /**
     * Reads the bundle of {@code expectedClinic} (0x-hex, 32 bytes) from {@code in} (read to its end and closed). The caller closes
     * the result.
     */
    public EvidenceBundle read(InputStream in, String expectedClinic, BundleProgress progress) {
        String clinic = expectedClinic.toLowerCase(java.util.Locale.ROOT);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Counting counted = new Counting(new DigestInputStream(in, sha), limits.maxUploadBytes());
        LeafStore leaves = new LeafStore();
        Path manifest = null;
        boolean ok = false;
        AccessLogTable table = new AccessLogTable();
        ParallelParse parallel = parsers == null ? null : new ParallelParse(parsers, clinic, table);
        try {
            TreeMap<String, byte[]> files = new TreeMap<>();
            Set<String> names = new HashSet<>();
            BitSet entryNames = new BitSet();
            AuditEventReader fhir = new AuditEventReader();
            long entries = 0;
            // the first invalid entry or consent: refused only after the manifest's clinic and hashes are checked
            BundleRejectedException invalid = null;
            long uncompressed = 0;
            long small = 0;
            int consents = 0;
            byte[] buffer = new byte[64 * 1024];
            try (ZipInputStream zip = new ZipInputStream(counted)) {
                ZipEntry e;
                while ((e = nextEntry(zip)) != null) {
                    entries++;
                    if (entries > limits.maxEntries()) {
                        throw new BundleRejectedException(Reason.TOO_MANY_ENTRIES,
                                "more than " + limits.maxEntries() + " files in the bundle");
                    }
                    String name = e.getName();
                    checkPath(name, e.isDirectory());
                    Matcher m = ENTRY.matcher(name);
                    boolean isEntry = m.matches();
                    int index = isEntry ? Integer.parseInt(m.group(1)) : -1;
                    if (isEntry ? entryNames.get(index) : !names.add(name)) {
                        throw new BundleRejectedException(Reason.DUPLICATE_ENTRY, "file " + name + " appears twice");
                    }
                    if (!isEntry && !name.equals(MANIFEST) && !SMALL.matcher(name).matches()) {
                        throw new BundleRejectedException(Reason.UNLISTED_FILE,
                                "unexpected file " + printable(name) + " (not part of " + FORMAT + ")");
                    }
                    if (name.equals(MANIFEST)) {
                        manifest = Files.createTempFile("custos-manifest", ".json");
                        try (OutputStream out = Files.newOutputStream(manifest)) {
                            uncompressed = copy(zip, out, buffer, limits.maxManifestBytes(), uncompressed, counted,
                                    name);
                        }
                        continue;
                    }
                    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                    boolean dictionary = name.equals(IDENTIFIERS);
                    uncompressed = copy(zip, bytes, buffer, dictionary ? limits.maxDictionaryBytes()
                            : limits.maxEntryBytes(), uncompressed, counted, name);
                    byte[] content = bytes.toByteArray();
                    if (dictionary) {
                        files.put(name, content);
                    } else if (isEntry) {
                        entryNames.set(index);
                        leaves.addEntry(index, content);
                        if (parallel != null) {
                            parallel.submit(index, content);
                        } else if (invalid == null) {
                            invalid = validate(() -> fhir.readEntry(index, content, clinic, table));
                        }
                    } else {
                        small += content.length;
                        if (small > limits.maxSmallFileBytes()) {
                            throw new BundleRejectedException(Reason.TOO_LARGE,
                                    "documents, heads, consents and receipts exceed "
                                            + limits.maxSmallFileBytes() + " bytes");
                        }
                        if (name.startsWith("consents/")) {
                            if (invalid == null) {
                                invalid = validate(() -> fhir.readConsent(name, content, clinic));
                            }
                            consents++;
                        }
                        files.put(name, content);
                    }
                    if (entries % 1024 == 0) {
                        progress.update(counted.count, entries);
                    }
                }
                while (counted.read(buffer) >= 0) {
                    // the central directory: read to the end so that the bundle hash covers every byte
                }
            } catch (ZipException z) {
                throw new BundleRejectedException(Reason.NOT_A_ZIP, "not a readable zip: " + z.getMessage(), z);
            } catch (java.io.EOFException eof) {
                throw new BundleRejectedException(Reason.NOT_A_ZIP, "the zip ends early (truncated upload)", eof);
            }
            if (parallel != null) {
                parallel.finish();
                invalid = parallel.invalid();
            }
            if (entries == 0) {
                throw new BundleRejectedException(Reason.NOT_A_ZIP, "not a zip file (no entries found)");
            }
            if (manifest == null) {
                throw new BundleRejectedException(Reason.MISSING_MANIFEST, "the bundle has no " + MANIFEST);
            }
            BundleManifest.clinic(manifest, clinic);
            if (leaves.contiguous() != entryNames.cardinality()) {
                throw new BundleRejectedException(Reason.BAD_MANIFEST, "access-log entries are not numbered "
                        + "0..n-1 without gaps (first missing: " + EvidenceBundle.entryPath(leaves.contiguous()) + ")");
            }
            BundleManifest.listing(manifest, clinic, leaves, entryNames.cardinality(), files);
            if (invalid != null) {
                throw invalid;
            }
            byte[] dictionary = files.remove(IDENTIFIERS);
            java.util.List<String> identifiers = dictionary == null ? java.util.List.of()
                    : readDictionary(dictionary, limits.maxIdentifiers());
            progress.update(counted.count, entries);
            EvidenceBundle bundle = new EvidenceBundle(Hex.encodePrefixed(sha.digest()), counted.count, clinic,
                    leaves, table, files, consents, identifiers);
            ok = true;
            return bundle;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the bundle failed", e);
        } finally {
            if (parallel != null) {
                parallel.await();
            }
            if (manifest != null) {
                try {
                    Files.deleteIfExists(manifest);
                } catch (IOException ignored) {
                    // a temporary file; the OS cleans up
                }
            }
            if (!ok) {
                leaves.close();
            }
        }
    }

    /**
     * Parses and validates {@code identifiers/dictionary.json}: one JSON object with exactly {@code format} (=
     * {@value #IDENTIFIERS_FORMAT}) and {@code identifiers} (an array of 1 to {@code max} strings, each 1 to
     * {@value BundleLimits#MAX_IDENTIFIER_LENGTH} characters, not blank, no control characters), nothing after it.
     * Refuses with {@link Reason#BAD_DICTIONARY}; messages never quote an identifier (personal data).
     */
    static java.util.List<String> readDictionary(byte[] content, int max) {
        java.util.List<String> identifiers = new java.util.ArrayList<>();
        String format = null;
        boolean listed = false;
        try (JsonParser p = new JsonFactory().createParser(content)) {
            dictionary(p.nextToken() == JsonToken.START_OBJECT, "is not a JSON object");
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "format" -> {
                        dictionary(format == null, "has format twice");
                        dictionary(v == JsonToken.VALUE_STRING, "format must be a string");
                        format = p.getText();
                    }
                    case "identifiers" -> {
                        dictionary(!listed, "has identifiers twice");
                        dictionary(v == JsonToken.START_ARRAY, "identifiers must be an array");
                        listed = true;
                        JsonToken item;
                        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                            dictionary(item == JsonToken.VALUE_STRING, "identifier " + identifiers.size()
                                    + " is not a string");
                            dictionary(identifiers.size() < max, "lists more than " + max + " identifiers");
                            String id = p.getText();
                            dictionary(!id.isBlank(), "identifier " + identifiers.size() + " is empty");
                            dictionary(id.length() <= BundleLimits.MAX_IDENTIFIER_LENGTH, "identifier "
                                    + identifiers.size() + " is longer than " + BundleLimits.MAX_IDENTIFIER_LENGTH
                                    + " characters");
                            for (int i = 0; i < id.length(); i++) {
                                char c = id.charAt(i);
                                dictionary(c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0), "identifier "
                                        + identifiers.size() + " contains a control character");
                            }
                            identifiers.add(id);
                        }
                    }
                    default -> throw new BundleRejectedException(Reason.BAD_DICTIONARY, IDENTIFIERS
                            + ": unknown field " + printable(field));
                }
            }
            dictionary(t == JsonToken.END_OBJECT && p.nextToken() == null, "has trailing content");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // no location when a parser limit (nesting depth, number or string length) stops it: BundleFuzzTest
            // seed 4104890 found the NullPointerException this was; the message never quotes the content
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new BundleRejectedException(Reason.BAD_DICTIONARY, IDENTIFIERS + " is not valid JSON ("
                    + (at == null ? "beyond the parser's limits" : "line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!IDENTIFIERS_FORMAT.equals(format)) {
            throw new BundleRejectedException(Reason.BAD_DICTIONARY, IDENTIFIERS + ": format must be "
                    + IDENTIFIERS_FORMAT + ", not " + (format == null ? "missing" : printable(format)));
        }
        dictionary(listed, "has no identifiers array");
        dictionary(!identifiers.isEmpty(), "lists no identifier (leave the file out instead)");
        return java.util.List.copyOf(identifiers);
    }

    private static void dictionary(boolean condition, String message) {
        if (!condition) {
            throw new BundleRejectedException(Reason.BAD_DICTIONARY, IDENTIFIERS + " " + message);
        }
    }

    private static ZipEntry nextEntry(ZipInputStream zip) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException e) {
            throw new BundleRejectedException(Reason.NOT_A_ZIP, "malformed zip entry name: " + e.getMessage(), e);
        }
    }

    private long copy(ZipInputStream zip, OutputStream out, byte[] buffer, long entryLimit, long total,
                      Counting counted, String name) throws IOException {
        long size = 0;
        int r;
        while ((r = zip.read(buffer)) >= 0) {
            size += r;
            total += r;
            if (size > entryLimit) {
                throw new BundleRejectedException(Reason.TOO_LARGE, printable(name) + " is larger than "
                        + entryLimit + " bytes");
            }
            if (total > limits.maxUncompressedBytes()) {
                throw new BundleRejectedException(Reason.TOO_LARGE, "the bundle unpacks to more than "
                        + limits.maxUncompressedBytes() + " bytes");
            }
            if (total > (1 << 20) && total > limits.maxRatio() * Math.max(1, counted.count)) {
                throw new BundleRejectedException(Reason.ZIP_BOMB, "compression ratio above "
                        + (long) limits.maxRatio() + ":1 (" + total + " bytes from " + counted.count
                        + "): refused as a zip bomb");
            }
            out.write(buffer, 0, r);
        }
        return total;
    }

    static void checkPath(String name, boolean directory) {
        if (name.isEmpty() || directory || name.endsWith("/")) {
            throw new BundleRejectedException(Reason.UNSAFE_PATH, "directory or empty entry name "
                    + printable(name));
        }
        if (name.startsWith("/") || name.contains("\\") || name.contains(":") || name.contains("//")) {
            throw new BundleRejectedException(Reason.UNSAFE_PATH, "absolute or non-portable path "
                    + printable(name));
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new BundleRejectedException(Reason.UNSAFE_PATH, "path traversal in " + printable(name));
            }
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < 0x20 || name.charAt(i) == 0x7f) {
                throw new BundleRejectedException(Reason.UNSAFE_PATH, "control character in a path");
            }
        }
    }

    /** The manifest role of a file other than an access-log entry ({@link BundleManifest#roleOf}). */
    static String roleOf(String path) {
        return BundleManifest.roleOf(path);
    }

    /** Untrusted names in messages: printable ASCII only, at most 120 characters. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 120; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return "'" + b + (s.length() > 120 ? "…" : "") + "'";
    }

    /**
     * Runs {@code check} (an entry's or a consent's validation); returns its refusal instead of throwing it, so that
     * the reader can refuse for the manifest's reasons (another clinic, a hash) first. Anything else is thrown.
     */
    private static BundleRejectedException validate(Runnable check) {
        try {
            check.run();
            return null;
        } catch (BundleRejectedException e) {
            return e;
        }
    }

    /** Counts (and limits) the compressed bytes read. */
    private static final class Counting extends FilterInputStream {
        private final long limit;
        long count;

        Counting(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = super.read(b, off, len);
            if (r > 0) {
                add(r);
            }
            return r;
        }

        private void add(long n) {
            count += n;
            if (count > limit) {
                throw new BundleRejectedException(Reason.TOO_LARGE, "the upload is larger than " + limit + " bytes");
            }
        }
    }
}
