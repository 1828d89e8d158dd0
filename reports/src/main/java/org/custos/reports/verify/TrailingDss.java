package org.custos.reports.verify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.custos.reports.sign.DssIncrement;

/**
 * The only bytes a signed report may carry after its signed revision: exactly one incremental update that adds the
 * PAdES B-LT validation data ({@code /DSS}) and nothing else. Checked by writing that update again from the
 * signed revision and the certificates, CRLs and OCSP responses the file's {@code /DSS} holds
 * ({@link DssIncrement}, deterministic) and requiring the appended bytes to be identical: any other object, key,
 * comment, whitespace, second update or trailing byte makes them differ, and the file is {@code NOT_WHOLE_FILE}.
 */
final class TrailingDss {

    private static final COSName DSS = COSName.getPDFName("DSS");

    private TrailingDss() {
    }

    static void require(byte[] file, int signedLength, PDDocument document) throws Rejection {
        int unsigned = file.length - signedLength;
        DssIncrement.Contents contents = contents(document);
        byte[] expected;
        try {
            expected = contents == null ? null : DssIncrement.increment(file, signedLength, contents);
        } catch (IOException | RuntimeException e) {
            expected = null;
        }
        if (expected == null || expected.length != unsigned
                || !Arrays.equals(file, signedLength, file.length, expected, 0, expected.length)) {
            throw new Rejection(ReportReasonCode.NOT_WHOLE_FILE, "signed bytes end",
                    "the end of the file at " + file.length + ", or exactly one update adding /DSS after it",
                    signedLength + " (" + unsigned + " bytes not signed" + (contents == null ? ", no /DSS"
                            : ", not only the /DSS update") + ")");
        }
    }

    /** The DER lists of the file's /DSS, in order; null when there is none or it is not made of streams. */
    private static DssIncrement.Contents contents(PDDocument document) {
        try {
            COSBase value = document.getDocumentCatalog().getCOSObject().getDictionaryObject(DSS);
            if (!(value instanceof COSDictionary dss)) {
                return null;
            }
            return new DssIncrement.Contents(streams(dss, "Certs"), streams(dss, "CRLs"), streams(dss, "OCSPs"));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<byte[]> streams(COSDictionary dss, String key) throws IOException {
        COSBase value = dss.getDictionaryObject(COSName.getPDFName(key));
        List<byte[]> out = new ArrayList<>();
        if (value instanceof COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSStream stream) {
                    try (var in = stream.createRawInputStream()) {
                        out.add(in.readNBytes(1 << 22));
                    }
                } else {
                    throw new IOException("/DSS /" + key + "[" + i + "] is not a stream");
                }
            }
        } else if (value != null) {
            throw new IOException("/DSS /" + key + " is not an array");
        }
        return out;
    }
}
