package org.custos.reports.model;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The machine-readable evidence behind a report: a {@code custos-evidence/1} transcript (docs/verification.md),
 * embedded in the PDF as an associated file ({@code /AFRelationship /Data}) under {@link #FILE_NAME}.
 *
 * <p>Held in memory ({@link #Evidence(byte[])}, {@link #of(String)}) or, for large transcripts, in a file
 * ({@link #ofFile(Path)}): the SHA-256 and size are computed once, streaming, when it is created, and
 * {@link #openStream()} re-checks both as it is read, so a file that changed after it was hashed fails the
 * rendering instead of embedding bytes that differ from the printed hash. Equal when size and SHA-256 are.
 */
public final class Evidence {

    public static final String FILE_NAME = "evidence.json";
    public static final String MEDIA_TYPE = "application/json";

    private final byte[] json;
    private final Path file;
    private final long size;
    private final String sha256;

    public Evidence(byte[] json) {
        Objects.requireNonNull(json, "json");
        if (json.length == 0) {
            throw new IllegalArgumentException("evidence must not be empty");
        }
        this.json = json.clone();
        this.file = null;
        this.size = json.length;
        this.sha256 = sha256Hex(json);
    }

    private Evidence(Path file, long size, String sha256) {
        this.json = null;
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
    }

    public static Evidence of(String json) {
        return new Evidence(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Evidence kept in {@code file} (read twice: hashed here, embedded when rendering; never held in memory).
     * The file must stay unchanged until the report is rendered.
     *
     * @throws IllegalArgumentException when the file is missing, not a regular file, or empty
     * @throws IOException              when it cannot be read
     */
    public static Evidence ofFile(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("evidence file " + file + " is not a regular file");
        }
        MessageDigest digest = sha256();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
                size += n;
            }
        }
        if (size == 0) {
            throw new IllegalArgumentException("evidence must not be empty: " + file);
        }
        return new Evidence(file.toAbsolutePath(), size, HexFormat.of().formatHex(digest.digest()));
    }

    /**
     * The bytes, as a copy. For file-backed evidence this reads the whole file into memory (and checks it still
     * has its hash); prefer {@link #openStream()} for large evidence.
     */
    public byte[] json() {
        if (json != null) {
            return json.clone();
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("evidence of " + size + " bytes does not fit in an array; use openStream()");
        }
        try (InputStream in = openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The size in bytes. */
    public long size() {
        return size;
    }

    /** True when the evidence is kept in a file ({@link #ofFile(Path)}). */
    public boolean fileBacked() {
        return file != null;
    }

    /**
     * Streams the bytes. For file-backed evidence the stream fails with an {@link IOException} at its end when the
     * file no longer has the size and SHA-256 it had when this evidence was created.
     */
    public InputStream openStream() throws IOException {
        if (json != null) {
            return new ByteArrayInputStream(json);
        }
        return new Checked(Files.newInputStream(file), file, size, sha256);
    }

    /** Lower-case hex SHA-256 of the exact bytes embedded; printed in the report. */
    public String sha256Hex() {
        return sha256;
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Evidence e && e.size == size && e.sha256.equals(sha256);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "Evidence[" + size + " bytes, SHA-256 " + sha256 + (file == null ? "" : ", file " + file) + "]";
    }

    /** Hashes what passes through and compares size and SHA-256 at the end of the stream. */
    private static final class Checked extends FilterInputStream {
        private final Path file;
        private final long expectedSize;
        private final String expectedSha256;
        private final MessageDigest digest = sha256();
        private long read;
        private boolean checked;

        Checked(InputStream in, Path file, long expectedSize, String expectedSha256) {
            super(in);
            this.file = file;
            this.expectedSize = expectedSize;
            this.expectedSha256 = expectedSha256;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                read += n;
                if (read > expectedSize) {
                    throw changed("grew beyond " + expectedSize + " bytes");
                }
            } else if (n < 0 && !checked) {
                checked = true;
                String actual = HexFormat.of().formatHex(digest.digest());
                if (read != expectedSize || !actual.equals(expectedSha256)) {
                    throw changed("now " + read + " bytes, SHA-256 " + actual);
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private IOException changed(String now) {
            return new IOException("evidence file " + file + " changed after it was hashed (was " + expectedSize
                    + " bytes, SHA-256 " + expectedSha256 + "; " + now + ")");
        }
    }
}
