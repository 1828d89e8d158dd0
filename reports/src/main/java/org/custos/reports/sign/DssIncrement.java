package org.custos.reports.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The one incremental update that turns a signed B-T report into B-LT: the catalogue again, now with
 * {@code /DSS << /Type /DSS /Certs [...] /CRLs [...] /OCSPs [...] >>}, and one unfiltered stream per DER-encoded
 * certificate, CRL and OCSP response, in the order given; nothing else (ISO 32000-2 §12.8.4.3). EU DSS reads
 * validation data only from revisions after the signature's, so it must follow the signature.
 *
 * <p>Deterministic: the same signed file and the same lists give the same bytes. That is what lets the verifier
 * accept exactly this update and nothing else: it reads the lists back from the file, writes the update again with
 * {@link #increment} and requires the bytes after the signed revision to be identical. PDFBox's incremental save
 * puts a clock-based second file identifier in the update's trailer ({@code /ID [<first> <digest of the time>]},
 * in the dictionary of its cross-reference stream); it is replaced, at the same length so no offset moves, by the
 * (leading bytes of the) SHA-256 of the signed revision followed by the update with that identifier zeroed (ISO 32000-2 §14.4 asks only that the second
 * identifier change when the file changes, which it does).
 */
public final class DssIncrement {

    static final COSName DSS = COSName.getPDFName("DSS");

    private DssIncrement() {
    }

    /** The validation data: DER encodings, in the order they are written. */
    public record Contents(List<byte[]> certificates, List<byte[]> crls, List<byte[]> ocsps) {
        public Contents {
            certificates = List.copyOf(certificates);
            crls = List.copyOf(crls);
            ocsps = List.copyOf(ocsps);
        }
    }

    /** Writes {@code signed} followed by the update to {@code out}. */
    static void append(byte[] signed, Contents contents, OutputStream out) throws IOException {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(signed))) {
            Update update = new Update(signed.length, out);
            write(document, contents, update);
            update.finish();
        }
    }

    /** Writes the file {@code signed} followed by the update to {@code out}, buffering in scratch files. */
    static void append(Path signed, Contents contents, OutputStream out) throws IOException {
        try (PDDocument document = Loader.loadPDF(signed.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            Update update = new Update(java.nio.file.Files.size(signed), out);
            write(document, contents, update);
            update.finish();
        }
    }

    /**
     * Only the update's bytes for the signed revision {@code file[0, length)} (read in place, not copied): what
     * {@code append} writes after the signed file.
     */
    public static byte[] increment(byte[] file, int length, Contents contents) throws IOException {
        ByteArrayOutputStream tail = new ByteArrayOutputStream(1 << 14);
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(
                ByteBuffer.wrap(file, 0, length).slice()))) {
            Update update = new Update(length, tail);
            update.keepPrefix = false;
            write(document, contents, update);
            update.finish();
        }
        return tail.toByteArray();
    }

    private static void write(PDDocument document, Contents contents, OutputStream out) throws IOException {
        COSDictionary dss = new COSDictionary();
        dss.setItem(COSName.TYPE, DSS);
        add(document, dss, "Certs", contents.certificates());
        add(document, dss, "CRLs", contents.crls());
        add(document, dss, "OCSPs", contents.ocsps());
        dss.setNeedToBeUpdated(true);
        COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
        catalog.setItem(DSS, dss);
        catalog.setNeedToBeUpdated(true);
        document.saveIncremental(out);
    }

    private static void add(PDDocument document, COSDictionary dss, String key, List<byte[]> entries)
            throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        COSArray array = new COSArray();
        for (byte[] der : entries) {
            COSStream stream = document.getDocument().createCOSStream();
            try (OutputStream out = stream.createOutputStream()) {
                out.write(der);
            }
            stream.setNeedToBeUpdated(true);
            array.add(stream);
        }
        array.setNeedToBeUpdated(true);
        dss.setItem(COSName.getPDFName(key), array);
    }

    /**
     * Passes the signed revision's {@code prefix} bytes through (or drops them) while hashing them, holds the update
     * back, and on {@link #finish} writes the update with its second file identifier made deterministic.
     */
    private static final class Update extends OutputStream {
        private final OutputStream out;
        private final MessageDigest digest;
        private final ByteArrayOutputStream update = new ByteArrayOutputStream(1 << 14);
        private long prefix;
        private boolean keepPrefix = true;

        Update(long prefix, OutputStream out) {
            this.prefix = prefix;
            this.out = out;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int head = (int) Math.min(prefix, len);
            if (head > 0) {
                digest.update(b, off, head);
                if (keepPrefix) {
                    out.write(b, off, head);
                }
                prefix -= head;
            }
            update.write(b, off + head, len - head);
        }

        void finish() throws IOException {
            byte[] bytes = update.toByteArray();
            int[] at = secondIdentifier(bytes);
            java.util.Arrays.fill(bytes, at[0], at[1], (byte) '0');
            digest.update(bytes);
            byte[] hex = HexFormat.of().withUpperCase().formatHex(digest.digest()).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(hex, 0, bytes, at[0], at[1] - at[0]);
            out.write(bytes);
            out.flush();
        }

        /** Where the hex digits of the last {@code /ID [<..> <..>]}'s second string start and end. */
        private static int[] secondIdentifier(byte[] bytes) throws IOException {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            Matcher id = ID.matcher(text);
            int[] at = null;
            while (id.find()) {
                at = new int[] {id.start(1), id.end(1)};
            }
            if (at == null) {
                throw new IOException("the incremental update has no /ID [<hex> <hex>] in its trailer");
            }
            return at;
        }
    }

    private static final Pattern ID = Pattern.compile(
            "/ID\\s*\\[\\s*<[0-9A-Fa-f]+>\\s*<([0-9A-Fa-f]{32}|[0-9A-Fa-f]{64})>\\s*\\]");
}
