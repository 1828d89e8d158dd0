package org.custos.reports.verify;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSTypedData;

/**
 * The bytes a PDF signature covers (ISO 32000-1 §12.8.1): {@code /ByteRange [0 a b c]} must cover the whole file
 * except exactly the {@code /Contents} hex string between {@code a} and {@code b}, and must end at the end of the
 * file ({@code b + c = length}); anything appended after signing, an incremental update included, leaves bytes
 * outside it. Keeps a reference to the file and the gap's position: the signed bytes are never copied.
 */
record SignedRange(byte[] file, int gapStart, int gapEnd, int tailLength, byte[] contents) {

    /** The signed bytes as CMS content, written from the file's two ranges (never copied: files may be large). */
    CMSTypedData signedContent() {
        return new CMSTypedData() {
            @Override
            public ASN1ObjectIdentifier getContentType() {
                return CMSObjectIdentifiers.data;
            }

            @Override
            public void write(OutputStream out) throws IOException {
                out.write(file, 0, gapStart);
                out.write(file, gapEnd, tailLength);
            }

            /** Non-null: BouncyCastle digests no content whose getContent() is null. */
            @Override
            public Object getContent() {
                return file;
            }
        };
    }

    /** The digest of the signed bytes. */
    byte[] digest(MessageDigest digest) {
        digest.update(file, 0, gapStart);
        digest.update(file, gapEnd, tailLength);
        return digest.digest();
    }

    static SignedRange of(byte[] file, int[] byteRange) throws Rejection {
        return of(file, byteRange, file.length);
    }

    /** The first {@code [0, 0]}-checks of a ByteRange, and its end (where the signed revision ends). */
    static long end(int[] byteRange) throws Rejection {
        String claimed = Arrays.toString(byteRange);
        if (byteRange == null || byteRange.length != 4 || byteRange[0] != 0 || byteRange[1] <= 0
                || byteRange[2] <= byteRange[1] || byteRange[3] < 0) {
            throw new Rejection(ReportReasonCode.BYTE_RANGE_INVALID, "ByteRange", "[0 a b c] with 0 < a < b", claimed);
        }
        return (long) byteRange[2] + byteRange[3];
    }

    /** {@code revisionLength}: the file's length, or where the signed revision ends when a DSS update follows. */
    static SignedRange of(byte[] file, int[] byteRange, int revisionLength) throws Rejection {
        String claimed = Arrays.toString(byteRange);
        if (byteRange == null || byteRange.length != 4 || byteRange[0] != 0 || byteRange[1] <= 0
                || byteRange[2] <= byteRange[1] || byteRange[3] < 0) {
            throw new Rejection(ReportReasonCode.BYTE_RANGE_INVALID, "ByteRange", "[0 a b c] with 0 < a < b", claimed);
        }
        long end = (long) byteRange[2] + byteRange[3];
        if (end != revisionLength) {
            throw new Rejection(ReportReasonCode.NOT_WHOLE_FILE, "signed bytes end",
                    "the end of the file at " + file.length, end + " (" + (file.length - end) + " bytes not signed)");
        }
        int a = byteRange[1];
        int b = byteRange[2];
        if (file[a] != '<' || file[b - 1] != '>' || !hex(file, a + 1, b - 1)) {
            throw new Rejection(ReportReasonCode.BYTE_RANGE_INVALID, "/Contents gap", "one hex string <...>",
                    "bytes " + a + ".." + b + " are not");
        }
        if (mixedCase(file, a + 1, b - 1)) {
            throw new Rejection(ReportReasonCode.CONTENTS_NOT_CANONICAL, "/Contents hex digits",
                    "one letter case", "upper and lower case mixed");
        }
        byte[] contents = HexFormat.of().parseHex(new String(file, a + 1, b - a - 2,
                java.nio.charset.StandardCharsets.US_ASCII));
        return new SignedRange(file, a, b, byteRange[3], contents);
    }

    private static boolean mixedCase(byte[] file, int from, int to) {
        boolean upper = false;
        boolean lower = false;
        for (int i = from; i < to; i++) {
            upper |= file[i] >= 'A' && file[i] <= 'F';
            lower |= file[i] >= 'a' && file[i] <= 'f';
        }
        return upper && lower;
    }

    private static boolean hex(byte[] file, int from, int to) {
        if ((to - from) % 2 != 0) {
            return false;
        }
        for (int i = from; i < to; i++) {
            int c = file[i];
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }
}
