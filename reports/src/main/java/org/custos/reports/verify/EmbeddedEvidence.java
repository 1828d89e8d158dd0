package org.custos.reports.verify;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.text.PDFTextStripper;
import org.custos.reports.model.Evidence;

/**
 * Finds the evidence file among the catalogue's associated files ({@code /AF}, {@code /AFRelationship /Data},
 * named {@code evidence.json}) and compares its SHA-256 with every "Evidence SHA-256:" line printed in the text.
 */
final class EmbeddedEvidence {

    private static final Pattern PRINTED = Pattern.compile("Evidence SHA-256:\\s*([0-9a-f]{64})");

    private EmbeddedEvidence() {
    }

    /** Returns the evidence bytes once their hash equals every printed hash (and at least one is printed). */
    static byte[] check(PDDocument document) throws Rejection, IOException {
        byte[] json = embedded(document);
        String actual = Evidence.sha256Hex(json);
        String text = new PDFTextStripper().getText(document);
        Matcher matcher = PRINTED.matcher(text);
        int printed = 0;
        while (matcher.find()) {
            printed++;
            if (!matcher.group(1).equals(actual)) {
                throw new Rejection(ReportReasonCode.EVIDENCE_HASH_MISMATCH, "printed evidence SHA-256",
                        matcher.group(1), actual);
            }
        }
        if (printed == 0) {
            throw new Rejection(ReportReasonCode.EVIDENCE_HASH_NOT_PRINTED, "report text",
                    "a line \"Evidence SHA-256: <64 hex>\"", "none");
        }
        return json;
    }

    private static byte[] embedded(PDDocument document) throws Rejection, IOException {
        COSBase af = document.getDocumentCatalog().getCOSObject().getDictionaryObject(COSName.getPDFName("AF"));
        List<PDEmbeddedFile> found = new ArrayList<>();
        if (af instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSDictionary dictionary
                        && "Data".equals(dictionary.getNameAsString(COSName.getPDFName("AFRelationship")))) {
                    PDComplexFileSpecification spec = new PDComplexFileSpecification(dictionary);
                    if (Evidence.FILE_NAME.equals(spec.getFileUnicode()) && spec.getEmbeddedFileUnicode() != null) {
                        found.add(spec.getEmbeddedFileUnicode());
                    }
                }
            }
        }
        if (found.size() != 1) {
            throw new Rejection(ReportReasonCode.EVIDENCE_MISSING, "/AF " + Evidence.FILE_NAME,
                    "exactly one associated file with /AFRelationship /Data", found.size());
        }
        return bytes(found.get(0));
    }

    /**
     * The file's bytes in one array of its exact size when it is stored unfiltered (as Custos writes it), read
     * from the parsed file in place; otherwise decoded through a growing buffer (PDFBox's {@code toByteArray},
     * which briefly needs twice the size).
     */
    private static byte[] bytes(PDEmbeddedFile file) throws IOException {
        COSStream stream = file.getCOSObject();
        long length = stream.getLength();
        if (stream.getFilters() == null && length >= 0 && length <= Integer.MAX_VALUE - 8) {
            byte[] bytes = new byte[(int) length];
            try (InputStream in = stream.createRawInputStream()) {
                if (in.readNBytes(bytes, 0, bytes.length) == bytes.length && in.read() < 0) {
                    return bytes;
                }
            }
        }
        return file.toByteArray();
    }
}
