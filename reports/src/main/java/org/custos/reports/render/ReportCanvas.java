package org.custos.reports.render;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A4 pages with a moving cursor: the primitive drawing operations (text, rectangles, rules), text measuring and
 * wrapping, page breaks, and the footer stamped on every page when the document is finished. All text passes
 * through {@link #clean}: control characters and characters the font has no glyph for are replaced, so untrusted
 * strings can neither break the content stream nor abort rendering.
 */
public final class ReportCanvas {

    public static final float MARGIN = 50;
    private static final float BOTTOM = 64;
    private static final char REPLACEMENT = '?';

    final Fonts fonts;
    private final PDDocument document;
    private final Map<PDType0Font, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private PDPageContentStream stream;
    private float y;

    ReportCanvas(PDDocument document, Fonts fonts) {
        this.document = document;
        this.fonts = fonts;
    }

    public float left() {
        return MARGIN;
    }

    public float contentWidth() {
        return PDRectangle.A4.getWidth() - 2 * MARGIN;
    }

    public float y() {
        return y;
    }

    public void down(float dy) {
        y -= dy;
    }

    public void newPage() {
        try {
            closeStream();
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a new page unless {@code height} points still fit above the footer. Returns true on a break. */
    public boolean ensure(float height) {
        if (stream == null || y - height < BOTTOM) {
            newPage();
            return true;
        }
        return false;
    }

    public void text(PDType0Font font, float size, Color colour, float x, float baseline, String text) {
        try {
            stream.beginText();
            stream.setFont(font, size);
            stream.setNonStrokingColor(colour);
            stream.newLineAtOffset(x, baseline);
            stream.showText(clean(font, text).replace('\n', ' '));
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void fill(float x, float bottom, float width, float height, Color colour) {
        try {
            stream.setNonStrokingColor(colour);
            stream.addRect(x, bottom, width, height);
            stream.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void rule(float x1, float x2, float at, Color colour, float lineWidth) {
        try {
            stream.setStrokingColor(colour);
            stream.setLineWidth(lineWidth);
            stream.moveTo(x1, at);
            stream.lineTo(x2, at);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A section heading, kept on one page with at least {@code keepWith} points of what follows. */
    public void heading(String text, float keepWith) {
        ensure(34 + keepWith);
        down(22);
        text(fonts.bold, 13, Colours.ACCENT, left(), y, text);
        down(4);
        rule(left(), left() + contentWidth(), y, Colours.RULE, 0.7f);
        down(10);
    }

    /** Wrapped body text. */
    public void paragraph(String text) {
        paragraph(fonts.regular, 9.5f, Colours.TEXT, text);
    }

    public void paragraph(PDType0Font font, float size, Color colour, String text) {
        float leading = size * 1.35f;
        for (String line : wrap(font, size, text, contentWidth())) {
            ensure(leading);
            down(leading);
            text(font, size, colour, left(), y, line);
        }
        down(size * 0.6f);
    }

    public float width(PDType0Font font, float size, String text) {
        return rawWidth(font, size, clean(font, text));
    }

    private static float rawWidth(PDType0Font font, float size, String cleaned) {
        try {
            return font.getStringWidth(cleaned) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Breaks at spaces; a word wider than the line (e.g. a hash) is broken between characters. Widths are summed
     * word by word (each word measured once), so wrapping is linear in the text length.
     */
    public List<String> wrap(PDType0Font font, float size, String text, float maxWidth) {
        List<String> lines = new ArrayList<>();
        float space = rawWidth(font, size, " ");
        for (String paragraph : clean(font, text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            for (String word : paragraph.split(" ")) {
                float wordWidth = rawWidth(font, size, word);
                float needed = line.isEmpty() ? wordWidth : lineWidth + space + wordWidth;
                if (needed <= maxWidth) {
                    if (!line.isEmpty()) {
                        line.append(' ');
                    }
                    line.append(word);
                    lineWidth = needed;
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                }
                if (wordWidth <= maxWidth) {
                    line.append(word);
                    lineWidth = wordWidth;
                    continue;
                }
                for (int i = 0; i < word.length(); ) {
                    int cp = word.codePointAt(i);
                    float charWidth = rawWidth(font, size, Character.toString(cp));
                    if (!line.isEmpty() && lineWidth + charWidth > maxWidth) {
                        lines.add(line.toString());
                        line.setLength(0);
                        lineWidth = 0;
                    }
                    line.appendCodePoint(cp);
                    lineWidth += charWidth;
                    i += Character.charCount(cp);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** Replaces control characters (except newline) and characters without a glyph in {@code font}. */
    public String clean(PDType0Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (cp == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(cp) || !known.computeIfAbsent(cp, c -> encodable(font, c))) {
                out.append(REPLACEMENT);
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean encodable(PDType0Font font, int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** Closes the last page and stamps {@code left} and "page i of n" at the foot of every page. */
    void finish(String left) {
        try {
            closeStream();
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                PDPage page = document.getPage(i);
                try (PDPageContentStream footer = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    stream = footer;
                    rule(MARGIN, MARGIN + contentWidth(), 44, Colours.RULE, 0.5f);
                    text(fonts.regular, 8, Colours.MUTED, MARGIN, 32, left);
                    String number = "page " + (i + 1) + " of " + pages;
                    text(fonts.regular, 8, Colours.MUTED,
                            MARGIN + contentWidth() - width(fonts.regular, 8, number), 32, number);
                }
            }
            stream = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeStream() throws IOException {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }
}
