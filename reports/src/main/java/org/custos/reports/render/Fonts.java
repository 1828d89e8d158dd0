package org.custos.reports.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The three DejaVu faces a report uses, embedded as subsets (PDF/A requires every font embedded). The TrueType
 * files come from {@code net.sf.jasperreports:jasperreports-fonts} (DejaVu fonts licence, which allows
 * redistribution; the licence text is in that jar next to the fonts). Missing fonts fail fast: a report is never
 * rendered with a substitute.
 */
public final class Fonts {

    private static final String DIR = "/net/sf/jasperreports/fonts/dejavu/";
    private static final Map<String, byte[]> FILES = new HashMap<>();

    final PDType0Font regular;
    final PDType0Font bold;
    final PDType0Font mono;

    private Fonts(PDType0Font regular, PDType0Font bold, PDType0Font mono) {
        this.regular = regular;
        this.bold = bold;
        this.mono = mono;
    }

    static Fonts load(PDDocument document) {
        try {
            return new Fonts(face(document, "DejaVuSans.ttf"), face(document, "DejaVuSans-Bold.ttf"),
                    face(document, "DejaVuSansMono.ttf"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the DejaVu fonts", e);
        }
    }

    private static PDType0Font face(PDDocument document, String file) throws IOException {
        return PDType0Font.load(document, new java.io.ByteArrayInputStream(bytes(file)), true);
    }

    private static synchronized byte[] bytes(String file) throws IOException {
        byte[] cached = FILES.get(file);
        if (cached == null) {
            try (InputStream in = Fonts.class.getResourceAsStream(DIR + file)) {
                if (in == null) {
                    throw new IllegalStateException("font " + DIR + file + " is not on the class path "
                            + "(net.sf.jasperreports:jasperreports-fonts); refusing to render without it");
                }
                cached = in.readAllBytes();
            }
            FILES.put(file, cached);
        }
        return cached;
    }
}
