package org.custos.reports.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
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
 * {@link #increment} and requires the bytes after the signed revision to be identical.
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
            write(document, contents, out);
        }
    }

    /** Writes the file {@code signed} followed by the update to {@code out}, buffering in scratch files. */
    static void append(Path signed, Contents contents, OutputStream out) throws IOException {
        try (PDDocument document = Loader.loadPDF(signed.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            write(document, contents, out);
        }
    }

    /**
     * Only the update's bytes for the signed revision {@code file[0, length)} (read in place, not copied): what
     * {@code append} writes after the signed file.
     */
    public static byte[] increment(byte[] file, int length, Contents contents) throws IOException {
        Tail tail = new Tail(length);
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBuffer(
                ByteBuffer.wrap(file, 0, length).slice()))) {
            write(document, contents, tail);
        }
        return tail.bytes.toByteArray();
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

    /** Discards the first {@code skip} bytes (the copy of the signed revision) and keeps the rest. */
    private static final class Tail extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 14);
        private long skip;

        Tail(long skip) {
            this.skip = skip;
        }

        @Override
        public void write(int b) {
            if (skip > 0) {
                skip--;
            } else {
                bytes.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            int skipped = (int) Math.min(skip, len);
            skip -= skipped;
            bytes.write(b, off + skipped, len - skipped);
        }
    }
}
