package org.custos.portal.personaldata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Personal data in the raw bytes of a ledger payload: a transaction's input, contract creation code, a log's
 * topics or data. Only where it is and what kind, never the data itself.
 *
 * <p><b>GDPR-MIN-01</b> (cleartext, {@link PiiScanner}'s classifiers: e-mail, E.164 phone, NHS number with check
 * digit, IBAN mod 97) in these encodings:
 * <ul>
 *   <li>ASCII/UTF-8: runs of at least {@value #MIN_TEXT} printable ASCII bytes (ABI-encoded {@code string} and
 *       {@code bytes} hold their content as such a run; zero-padded {@code bytes32} too);</li>
 *   <li>UTF-16LE and UTF-16BE: runs of printable ASCII characters each paired with a zero byte;</li>
 *   <li>hex in text: runs of at least 12 hex digits inside a text run (either digit parity), decoded;</li>
 *   <li>base64 in text: runs of at least 12 characters of the standard alphabet inside a text run (each of the
 *       four alignments), decoded.</li>
 * </ul>
 * Decoded bytes are read as ASCII and UTF-16 (one level, no further decoding). A text window is classified only
 * if it holds an {@code @} or at least 8 digits (every classifier needs one or the other; no IBAN has fewer than 10
 * digits), which keeps ordinary calldata, hashes and addresses from costing regular-expression work.
 *
 * <p><b>GDPR-MIN-03</b> (ciphertext-like blob, input and log data only, never creation code or topics): a region of
 * more than {@value #MIN_BLOB} bytes whose empirical entropy is at least {@value #MIN_ENTROPY_RATIO} of the most its
 * length allows (min(8, log2 n) bits per byte). Regions: in an ABI-shaped payload (32k bytes, or 4 + 32k: a
 * selector and words, in an input or in a log that repeats one) every ABI {@code bytes} value, i.e. a word-aligned
 * length L followed by L bytes and zero padding; in any other payload every maximal stretch without a run of 8 zero
 * bytes. Not counted as blobs: lengths that are a multiple of 32 (hashes and other whole words side by side: a
 * Merkle proof is indistinguishable from random bytes) or of 65 (one or several signatures r ‖ s ‖ v), for a
 * stretch also lengths within 3 bytes of such a multiple (it may take a byte of its neighbours), stretches holding a
 * run of 8 zero bytes (ABI padding: ordinary calldata), and text (80 % or more printable ASCII: base64 and hex text are read, decoded, by the cleartext
 * checks). Bytecode (about 5-6.5 bits per byte) stays below the ratio.
 *
 * <p>Bounded: time linear in the payload (text is classified in windows of {@value #WINDOW} characters overlapping
 * by half, decoded text in chunks of {@value #CHUNK} characters), extra memory a few windows, at most
 * {@value #MAX_HITS} hits per payload (the first ones in payload order; more are not needed to name the payload).
 */
public final class PayloadScanner {

    /** What the payload is: decides which checks apply. */
    public enum Shape {
        /** A transaction's input to an address (ABI calldata when 4 + 32k bytes long). */
        INPUT,
        /** A contract creation's code and constructor arguments: text only (bytecode is not ciphertext). */
        CREATION,
        /** A log's data (ABI when 32k bytes long). */
        LOG_DATA,
        /** One 32-byte topic: text only. */
        TOPIC
    }

    /**
     * One place with personal data: {@code rule} GDPR-MIN-01 or GDPR-MIN-03, {@code kind} (e-mail address, phone
     * number, NHS number, IBAN; ciphertext-like blob), {@code encoding}, {@code offset} into the payload (the match
     * for ASCII/UTF-8 and UTF-16, the encoded run for hex and base64, the region for a blob), {@code length} (the
     * blob's bytes, else 0) and {@code bitsPerByte} (the blob's entropy, else 0).
     */
    public record Hit(String rule, String kind, String encoding, int offset, int length, double bitsPerByte) {
    }

    public static final String CLEARTEXT_RULE = "GDPR-MIN-01";
    public static final String BLOB_RULE = "GDPR-MIN-03";
    public static final String BLOB_KIND = "ciphertext-like blob";
    static final int MIN_TEXT = 6;
    static final int MIN_ENCODED = 12;
    static final int WINDOW = 512;
    static final int CHUNK = 2048;
    static final int MAX_HITS = 16;
    static final int MIN_BLOB = Blobs.MIN_BLOB;
    static final double MIN_ENTROPY_RATIO = Blobs.MIN_ENTROPY_RATIO;

    private static final boolean[] PRINTABLE = new boolean[256];
    private static final boolean[] HEX = new boolean[256];
    private static final boolean[] BASE64 = new boolean[256];

    static {
        for (int c = 0x20; c <= 0x7e; c++) {
            PRINTABLE[c] = true;
        }
        for (char c : "0123456789abcdefABCDEF".toCharArray()) {
            HEX[c] = true;
        }
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray()) {
            BASE64[c] = true;
        }
    }

    private final byte[] p;
    private final List<Hit> hits = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    private PayloadScanner(byte[] payload) {
        this.p = payload;
    }

    /** The hits in {@code payload}, at most {@value #MAX_HITS}; empty for null or empty payloads. */
    public static List<Hit> scan(byte[] payload, Shape shape) {
        if (payload == null || payload.length == 0) {
            return List.of();
        }
        PayloadScanner scanner = new PayloadScanner(payload);
        scanner.text(payload, 0, payload.length, -1, true);
        scanner.utf16(payload, 0, payload.length, -1);
        if (shape == Shape.INPUT || shape == Shape.LOG_DATA) {
            for (Blobs.Blob blob : Blobs.find(payload, MAX_HITS)) {
                scanner.add(BLOB_RULE, BLOB_KIND, "binary", blob.start(), blob.length(), blob.bitsPerByte());
            }
        }
        return List.copyOf(scanner.hits);
    }

    private boolean full() {
        return hits.size() >= MAX_HITS;
    }

    /**
     * ASCII/UTF-8 runs of {@code b[from, to)}; offsets are positions in the payload unless {@code fixedOffset} is
     * given (decoded bytes: the encoded run's position). {@code decode}: also try hex and base64 inside the runs.
     */
    private void text(byte[] b, int from, int to, int fixedOffset, boolean decode) {
        int i = from;
        while (i < to && !full()) {
            if (!PRINTABLE[b[i] & 0xff]) {
                i++;
                continue;
            }
            int start = i;
            while (i < to && PRINTABLE[b[i] & 0xff]) {
                i++;
            }
            if (i - start >= MIN_TEXT) {
                textRun(b, start, i, fixedOffset, decode);
            }
        }
    }

    private void textRun(byte[] b, int start, int end, int fixedOffset, boolean decode) {
        List<int[]> decodedRuns = new ArrayList<>();
        if (decode) {
            encodedRuns(b, start, end, HEX, "hex text", decodedRuns);
            encodedRuns(b, start, end, BASE64, "base64 text", decodedRuns);
        }
        // ASCII windows overlapping by half, so that every item shorter than half a window lies whole in one
        for (int w = start; w < end && !full(); w += WINDOW / 2) {
            int wEnd = Math.min(end, w + WINDOW);
            if (triggers(b, w, wEnd)) {
                Optional<PiiScanner.Match> m = PiiScanner.find(new String(b, w, wEnd - w, StandardCharsets.ISO_8859_1));
                // a match inside a hex or base64 run that decoded to personal data is that run's encoding, not more
                if (m.isPresent() && !inside(decodedRuns, w + m.get().start())) {
                    add(CLEARTEXT_RULE, m.get().kind(), fixedOffset >= 0 ? "decoded, ASCII"
                            : abiLabel(w + m.get().start(), "ASCII/UTF-8"), fixedOffset >= 0 ? fixedOffset
                            : w + m.get().start(),
                            0, 0);
                }
            }
            if (wEnd == end) {
                break;
            }
        }
    }

    private static boolean inside(List<int[]> runs, int offset) {
        for (int[] run : runs) {
            if (offset >= run[0] && offset < run[1]) {
                return true;
            }
        }
        return false;
    }

    /** Runs of {@code alphabet} of at least {@value #MIN_ENCODED} characters inside a text run, decoded. */
    private void encodedRuns(byte[] b, int start, int end, boolean[] alphabet, String encoding, List<int[]> found) {
        int i = start;
        while (i < end && !full()) {
            if (!alphabet[b[i] & 0xff]) {
                i++;
                continue;
            }
            int runStart = i;
            while (i < end && alphabet[b[i] & 0xff]) {
                i++;
            }
            if (i - runStart >= MIN_ENCODED && decodeRun(b, runStart, i, alphabet == HEX, encoding)) {
                found.add(new int[] {runStart, i});
            }
        }
    }

    /** Decodes a run chunk by chunk (each alignment the encoding allows) and reads the bytes as text. */
    private boolean decodeRun(byte[] b, int start, int end, boolean hex, String encoding) {
        int unit = hex ? 2 : 4;
        for (int align = 0; align < unit && !full(); align++) {
            int before = hits.size();
            for (int c = start + align; c < end && !full(); c += CHUNK / 2) {
                int cEnd = Math.min(end, c + CHUNK);
                int usable = (cEnd - c) / unit * unit;
                if (usable < MIN_ENCODED) {
                    break;
                }
                byte[] decoded = hex ? hexDecode(b, c, usable) : base64Decode(b, c, usable);
                int offset = c;
                int size = hits.size();
                text(decoded, 0, decoded.length, offset, false);
                utf16(decoded, 0, decoded.length, offset);
                for (int h = size; h < hits.size(); h++) {
                    Hit hit = hits.get(h);
                    hits.set(h, new Hit(hit.rule(), hit.kind(), encoding + " (" + hit.encoding().replace("decoded, ", "")
                            + ")", hit.offset(), 0, 0));
                }
                if (cEnd == end) {
                    break;
                }
            }
            if (hits.size() > before) {
                return true;   // this alignment decoded to personal data
            }
        }
        return false;
    }

    /**
     * UTF-16LE (character, 0) and UTF-16BE (0, character) runs of printable ASCII characters. One text read both
     * ways overlaps itself shifted by a byte and one character shorter: of two overlapping runs the longer reading
     * is the text's (little-endian on a tie, zero bytes on both sides).
     */
    private void utf16(byte[] b, int from, int to, int fixedOffset) {
        for (int bigEndian = 0; bigEndian <= 1 && !full(); bigEndian++) {
            boolean little = bigEndian == 0;
            int i = from;
            while (i + 1 < to && !full()) {
                int chars = pairs(b, i, to, little);
                if (chars >= MIN_TEXT && chars >= otherReading(b, i, from, to, little) + (little ? 0 : 1)) {
                    classifyUtf16(b, i, chars, !little, fixedOffset);
                }
                i += chars == 0 ? 1 : 2 * chars;
            }
        }
    }

    /**
     * The length of the other byte order's reading of the run at {@code i}: it starts a byte before (when that byte
     * fits it) or a byte after. Linear: each run is measured a constant number of times.
     */
    private static int otherReading(byte[] b, int i, int from, int to, boolean little) {
        if (little) {
            return i - 1 >= from && b[i - 1] == 0 ? pairs(b, i - 1, to, false) : pairs(b, i + 1, to, false);
        }
        return i - 1 >= from && PRINTABLE[b[i - 1] & 0xff] ? pairs(b, i - 1, to, true) : pairs(b, i + 1, to, true);
    }

    private void classifyUtf16(byte[] b, int start, int chars, boolean bigEndian, int fixedOffset) {
        String label = "UTF-16" + (bigEndian ? "BE" : "LE");
        // windows of WINDOW characters overlapping by half
        for (int c = 0; c < chars && !full(); c += WINDOW / 2) {
            int n = Math.min(WINDOW, chars - c);
            StringBuilder run = new StringBuilder(n);
            for (int k = 0; k < n; k++) {
                run.append((char) (b[start + 2 * (c + k) + (bigEndian ? 1 : 0)] & 0xff));
            }
            if (triggers(run)) {
                Optional<PiiScanner.Match> m = PiiScanner.find(run.toString());
                if (m.isPresent()) {
                    add(CLEARTEXT_RULE, m.get().kind(), fixedOffset >= 0 ? "decoded, " + label : label,
                            fixedOffset >= 0 ? fixedOffset : start + 2 * (c + m.get().start()), 0, 0);
                }
            }
            if (c + n == chars) {
                break;
            }
        }
    }

    /** How many (character, 0) (little-endian) or (0, character) pairs start at {@code i}. */
    private static int pairs(byte[] b, int i, int to, boolean littleEndian) {
        int n = 0;
        while (i + 1 < to) {
            int ch = littleEndian ? b[i] & 0xff : b[i + 1] & 0xff;
            int zero = littleEndian ? b[i + 1] : b[i];
            if (zero != 0 || !PRINTABLE[ch]) {
                break;
            }
            n++;
            i += 2;
        }
        return n;
    }

    /** Every classifier needs an {@code @} (e-mail) or at least 8 digits (phone, NHS number, IBAN). */
    private static boolean triggers(byte[] b, int from, int to) {
        int digits = 0;
        for (int k = from; k < to; k++) {
            int c = b[k];
            if (c == '@') {
                return true;
            }
            if (c >= '0' && c <= '9' && ++digits >= 8) {
                return true;
            }
        }
        return false;
    }

    private static boolean triggers(CharSequence s) {
        int digits = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '@') {
                return true;
            }
            if (c >= '0' && c <= '9' && ++digits >= 8) {
                return true;
            }
        }
        return false;
    }

    /** "… in ABI string/bytes" when {@code offset} lies in the value of a word-aligned ABI length word before it. */
    private String abiLabel(int offset, String encoding) {
        for (int base : new int[] {0, 4}) {
            if (offset < base + 32) {
                continue;
            }
            int word = base + (offset - base) / 32 * 32;
            long length = Blobs.smallWord(p, word - 32);
            if (length > 0 && offset < word + length && word + length <= p.length) {
                return encoding + " in ABI string/bytes";
            }
        }
        return encoding;
    }

    private void add(String rule, String kind, String encoding, int offset, int length, double bits) {
        if (!full() && seen.add(rule + "|" + kind + "|" + offset)) {
            hits.add(new Hit(rule, kind, encoding, offset, length, bits));
        }
    }

    private static byte[] hexDecode(byte[] b, int from, int len) {
        byte[] out = new byte[len / 2];
        for (int k = 0; k < out.length; k++) {
            out[k] = (byte) (Character.digit(b[from + 2 * k], 16) << 4 | Character.digit(b[from + 2 * k + 1], 16));
        }
        return out;
    }

    private static byte[] base64Decode(byte[] b, int from, int len) {
        // len is a multiple of 4 and every character is of the standard alphabet: always decodable
        return Base64.getDecoder().decode(Arrays.copyOfRange(b, from, from + len));
    }
}
