package org.custos.reports.verify.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The committed generator of mutated signed reports: {@link #mutate(long, List)} turns a seed into one mutated
 * copy of one of the given signed reports (B-B, B-T, B-LT), always the same for the same seed, so a finding is
 * replayed from its seed. The kinds ({@link Kind}) aim at what the verifier reads before and after the digest:
 * the signed range, the {@code /Contents} gap, the signature dictionary and its {@code /ByteRange}, the file's
 * structure (truncation, xref, {@code startxref}, trailers, appended updates) and the parser's limits (deep
 * nesting, huge declared streams).
 */
public final class PdfMutator {

    /** The ways a signed report is damaged. */
    public enum Kind {
        BYTE_FLIP, SIGNED_RANGE_FLIP, CONTENTS_FLIP, CONTENTS_GARBAGE, SIGNATURE_DICTIONARY, BYTE_RANGE, TRUNCATE,
        INSERT, REMOVE, APPENDED_UPDATE, XREF, DEEP_NESTING, HUGE_STREAM
    }

    /** One mutated file: its seed, kind and which base it came from. */
    public record Mutant(long seed, Kind kind, int base, byte[] pdf) {
        @Override
        public String toString() {
            return "Mutant[seed=" + seed + ", kind=" + kind + ", base=" + base + ", " + pdf.length + " bytes]";
        }
    }

    private PdfMutator() {
    }

    public static Mutant mutate(long seed, List<byte[]> bases) {
        Random r = new Random(seed);
        Kind kind = Kind.values()[r.nextInt(Kind.values().length)];
        int base = r.nextInt(bases.size());
        byte[] pdf = bases.get(base);
        int[] range = byteRange(pdf);
        int a = range[1];
        int b = range[2];
        byte[] out = switch (kind) {
            case BYTE_FLIP -> flip(pdf, r, 0, pdf.length);
            case SIGNED_RANGE_FLIP -> r.nextBoolean() ? flip(pdf, r, 0, a) : flip(pdf, r, b, range[2] + range[3]);
            case CONTENTS_FLIP -> contentsFlip(pdf, r, a, b);
            case CONTENTS_GARBAGE -> contentsGarbage(pdf, r, a, b);
            case SIGNATURE_DICTIONARY -> {
                int at = indexOf(pdf, "/ByteRange", 0);
                int from = Math.max(0, at - 300);
                int to = Math.min(pdf.length, b + 300);
                if (r.nextBoolean()) {
                    yield flip(pdf, r, from, Math.min(to, a + 1));
                }
                yield r.nextBoolean() ? insert(pdf, r, from + r.nextInt(Math.max(1, a - from)))
                        : remove(pdf, r, from + r.nextInt(Math.max(1, a - from)));
            }
            case BYTE_RANGE -> byteRangeValues(pdf, r, range);
            case TRUNCATE -> Arrays.copyOf(pdf, r.nextInt(pdf.length));
            case INSERT -> insert(pdf, r, r.nextInt(pdf.length));
            case REMOVE -> remove(pdf, r, r.nextInt(pdf.length));
            case APPENDED_UPDATE -> concat(pdf, update(pdf, r));
            case XREF -> xref(pdf, r);
            case DEEP_NESTING -> deepNesting(pdf, r);
            case HUGE_STREAM -> hugeStream(pdf, r);
        };
        return new Mutant(seed, kind, base, out);
    }

    /** The signed revision's ByteRange as written by the signer (the base files are well formed). */
    static int[] byteRange(byte[] pdf) {
        int at = indexOf(pdf, "/ByteRange", 0);
        int open = indexOf(pdf, "[", at);
        int close = indexOf(pdf, "]", open);
        String[] parts = ascii(pdf, open + 1, close).trim().split("\\s+");
        return Arrays.stream(parts).mapToInt(Integer::parseInt).toArray();
    }

    private static byte[] flip(byte[] pdf, Random r, int from, int to) {
        byte[] out = pdf.clone();
        if (to <= from) {
            return out;
        }
        for (int i = 0; i < 1 + r.nextInt(8); i++) {
            out[from + r.nextInt(to - from)] ^= (byte) (1 + r.nextInt(255));
        }
        return out;
    }

    private static byte[] contentsFlip(byte[] pdf, Random r, int a, int b) {
        byte[] out = pdf.clone();
        int n = 1 + r.nextInt(4);
        String digits = "0123456789abcdefABCDEF<> \n\u00ff";
        for (int i = 0; i < n; i++) {
            out[a + r.nextInt(b - a)] = (byte) digits.charAt(r.nextInt(digits.length()));
        }
        return out;
    }

    /** The gap filled with other hex: random, a DER header over random bytes, the CMS cut short, all zeros. */
    private static byte[] contentsGarbage(byte[] pdf, Random r, int a, int b) {
        byte[] out = pdf.clone();
        int digits = b - a - 2;
        byte[] der = new byte[digits / 2];
        switch (r.nextInt(4)) {
            case 0 -> r.nextBytes(der);
            case 1 -> {
                r.nextBytes(der);
                der[0] = 0x30;
                der[1] = (byte) (0x80 + r.nextInt(5));
                for (int i = 2; i < 2 + (der[1] & 0x7f); i++) {
                    der[i] = (byte) (r.nextBoolean() ? 0xff : r.nextInt(256));
                }
            }
            case 2 -> {
                byte[] real = java.util.HexFormat.of().parseHex(ascii(pdf, a + 1, b - 1));
                int keep = r.nextInt(real.length);
                System.arraycopy(real, 0, der, 0, keep);
            }
            default -> { }
        }
        byte[] hex = java.util.HexFormat.of().formatHex(der).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(hex, 0, out, a + 1, hex.length);
        return out;
    }

    /** ByteRange values out of bounds, negative, overlapping, huge, too few or many, not integers. */
    private static byte[] byteRangeValues(byte[] pdf, Random r, int[] range) {
        long len = pdf.length;
        long[] candidates = {0, -1, 1, range[1] - 1L, range[1] + 1L, range[2] - 1L, range[2] + 1L, len, len + 1,
            len - 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1L << 32, Long.MAX_VALUE, range[1], range[2], range[3],
            range[3] + 1L, range[3] - 1L, len - range[2], r.nextInt((int) len)};
        String text;
        switch (r.nextInt(6)) {
            case 0 -> text = "[0 " + range[2] + " " + range[1] + " " + range[3] + "]";
            case 1 -> text = "[0 " + range[1] + "]";
            case 2 -> text = "[0 " + range[1] + " " + range[2] + " " + range[3] + " 0 5]";
            case 3 -> text = "[0 " + range[1] + ".5 " + range[2] + " /X]";
            default -> {
                long[] v = {range[0], range[1], range[2], range[3]};
                for (int i = 0; i < 1 + r.nextInt(3); i++) {
                    v[r.nextInt(4)] = candidates[r.nextInt(candidates.length)];
                }
                text = "[" + v[0] + " " + v[1] + " " + v[2] + " " + v[3] + "]";
            }
        }
        int at = indexOf(pdf, "/ByteRange", 0);
        int open = indexOf(pdf, "[", at);
        int close = indexOf(pdf, "]", open);
        byte[] replacement = text.getBytes(StandardCharsets.US_ASCII);
        int width = close + 1 - open;
        if (replacement.length < width && r.nextBoolean()) {
            // same length as the original (the signer pads the array): offsets elsewhere stay right
            byte[] padded = new byte[width];
            Arrays.fill(padded, (byte) ' ');
            System.arraycopy(replacement, 0, padded, 0, replacement.length - 1);
            padded[width - 1] = ']';
            replacement = padded;
        }
        return replace(pdf, open, close + 1, replacement);
    }

    private static byte[] insert(byte[] pdf, Random r, int at) {
        byte[] bytes = new byte[1 + r.nextInt(32)];
        if (r.nextBoolean()) {
            r.nextBytes(bytes);
        } else {
            Arrays.fill(bytes, (byte) (r.nextBoolean() ? ' ' : '0'));
        }
        return replace(pdf, at, at, bytes);
    }

    private static byte[] remove(byte[] pdf, Random r, int at) {
        return replace(pdf, at, Math.min(pdf.length, at + 1 + r.nextInt(32)), new byte[0]);
    }

    /** An incremental update after the signed revision: a new Info, a catalog override, garbage, or an empty one. */
    private static byte[] update(byte[] pdf, Random r) {
        int startxref = lastStartxref(pdf);
        String root = rootReference(pdf);
        int offset = pdf.length + 1;
        String body = switch (r.nextInt(5)) {
            case 0 -> "\n999 0 obj\n<< /Producer (changed) >>\nendobj\n";
            case 1 -> "\n" + root.replace(" R", "") + " obj\n<< /Type /Catalog /Pages 999 0 R >>\nendobj\n";
            case 2 -> "\n" + new String(randomAscii(r, 1 + r.nextInt(400)), StandardCharsets.US_ASCII) + "\n";
            case 3 -> "\n";
            default -> "\n999 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached "
                    + "/ByteRange [0 10 20 30] /Contents <00> >>\nendobj\n";
        };
        String xref = "xref\n0 1\n0000000000 65535 f \n999 1\n" + String.format("%010d", offset) + " 00000 n \n";
        String trailer = "trailer\n<< /Size 1000 /Root " + root + " /Prev " + startxref + " >>\nstartxref\n"
                + (pdf.length + body.length()) + "\n%%EOF\n";
        return (body + (r.nextInt(4) == 0 ? "" : xref) + trailer).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] xref(byte[] pdf, Random r) {
        int sx = indexOf(pdf, "startxref", Math.max(0, pdf.length - 2048));
        if (sx < 0 || r.nextInt(3) == 0) {
            int x = indexOf(pdf, "xref", 0);
            return x < 0 ? flip(pdf, r, 0, pdf.length) : flip(pdf, r, x, Math.min(pdf.length, x + 400));
        }
        int numberStart = sx + "startxref".length();
        int numberEnd = numberStart;
        while (numberEnd < pdf.length && (pdf[numberEnd] == '\n' || pdf[numberEnd] == '\r'
                || Character.isDigit(pdf[numberEnd]))) {
            numberEnd++;
        }
        String[] values = {"-1", "0", "99999999999999999999", Integer.toString(r.nextInt(pdf.length)),
            Integer.toString(pdf.length), "2147483647", "abc", ""};
        return replace(pdf, numberStart, numberEnd, ("\n" + values[r.nextInt(values.length)] + "\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** Deeply nested arrays or dictionaries in an appended trailer, in the signature dictionary, or in an object. */
    private static byte[] deepNesting(byte[] pdf, Random r) {
        int depth = 1 + r.nextInt(r.nextBoolean() ? 200 : 100_000);
        boolean arrays = r.nextBoolean();
        StringBuilder nest = new StringBuilder();
        nest.append((arrays ? "[" : "<< /A ").repeat(depth)).append("1").append((arrays ? "]" : " >>").repeat(depth));
        String where = switch (r.nextInt(3)) {
            case 0 -> "trailer";
            case 1 -> "signature";
            default -> "object";
        };
        if (where.equals("signature")) {
            int at = indexOf(pdf, "/ByteRange", 0);
            return replace(pdf, at, at, ("/Nest " + nest + " ").getBytes(StandardCharsets.US_ASCII));
        }
        String root = rootReference(pdf);
        String body = where.equals("object") ? "\n999 0 obj\n" + nest + "\nendobj\n" : "\n";
        String trailer = "trailer\n<< /Size 1000 /Root " + root + " /Prev " + lastStartxref(pdf)
                + (where.equals("trailer") ? " /Nest " + nest : " /Info 999 0 R") + " >>\nstartxref\n"
                + lastStartxref(pdf) + "\n%%EOF\n";
        return concat(pdf, (body + trailer).getBytes(StandardCharsets.US_ASCII));
    }

    /** A stream whose /Length is huge, negative or a lie, appended as the Info dictionary's object. */
    private static byte[] hugeStream(byte[] pdf, Random r) {
        String[] lengths = {"2147483647", "-5", "99999999999999", "0", "10", "1000000000", "3.5", "/Foo"};
        int actual = r.nextInt(3) == 0 ? 1 + r.nextInt(4 << 20) : r.nextInt(100);
        byte[] data = new byte[actual];
        Arrays.fill(data, (byte) 'x');
        String head = "\n999 0 obj\n<< /Length " + lengths[r.nextInt(lengths.length)]
                + (r.nextBoolean() ? " /Filter /FlateDecode" : "") + " >>\nstream\n";
        String tail = "\nendstream\nendobj\ntrailer\n<< /Size 1000 /Root " + rootReference(pdf) + " /Prev "
                + lastStartxref(pdf) + " /Info 999 0 R >>\nstartxref\n" + lastStartxref(pdf) + "\n%%EOF\n";
        return concat(concat(pdf, head.getBytes(StandardCharsets.US_ASCII)),
                concat(data, tail.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String rootReference(byte[] pdf) {
        int at = lastIndexOf(pdf, "/Root ");
        if (at < 0) {
            return "1 0 R";
        }
        int end = indexOf(pdf, "R", at + "/Root ".length());
        return end < 0 ? "1 0 R" : ascii(pdf, at + "/Root ".length(), end + 1).trim();
    }

    private static int lastStartxref(byte[] pdf) {
        int at = lastIndexOf(pdf, "startxref");
        if (at < 0) {
            return 0;
        }
        String tail = ascii(pdf, at + "startxref".length(), Math.min(pdf.length, at + 40)).trim();
        return Integer.parseInt(tail.split("\\s+")[0]);
    }

    private static byte[] randomAscii(Random r, int n) {
        byte[] b = new byte[n];
        String chars = "<>[]()/ 0123456789obj endobj R stream xref trailer %\n";
        for (int i = 0; i < n; i++) {
            b[i] = (byte) chars.charAt(r.nextInt(chars.length()));
        }
        return b;
    }

    static byte[] replace(byte[] pdf, int from, int to, byte[] with) {
        byte[] out = new byte[pdf.length - (to - from) + with.length];
        System.arraycopy(pdf, 0, out, 0, from);
        System.arraycopy(with, 0, out, from, with.length);
        System.arraycopy(pdf, to, out, from + with.length, pdf.length - to);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String ascii(byte[] pdf, int from, int to) {
        return new String(pdf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    static int indexOf(byte[] pdf, String needle, int from) {
        byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = Math.max(0, from); i <= pdf.length - n.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (pdf[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] pdf, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = pdf.length - n.length; i >= 0; i--) {
            for (int j = 0; j < n.length; j++) {
                if (pdf[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
