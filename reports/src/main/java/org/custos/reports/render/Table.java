package org.custos.reports.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table whose rows wrap their cells and break across pages; the header row is repeated at the top of every
 * page the table continues on. A row is never split. A cell may carry a background colour (e.g. a severity).
 */
public final class Table {

    private static final float SIZE = 8.5f;
    private static final float LEADING = SIZE * 1.35f;
    private static final float PAD = 3.5f;

    /** A cell: text, optional fill, optionally monospaced. */
    public record Cell(String text, Color fill, boolean mono) {
        public static Cell of(Object text) {
            return new Cell(String.valueOf(text), null, false);
        }

        public static Cell filled(Object text, Color fill) {
            return new Cell(String.valueOf(text), fill, false);
        }

        public static Cell mono(Object text) {
            return new Cell(String.valueOf(text), null, true);
        }
    }

    private final String[] headers;
    private final float[] weights;
    private final List<Cell[]> rows = new ArrayList<>();

    /** {@code columns} alternate header and relative width: {@code "Date", 1, "Recipient", 2, ...}. */
    public static Table of(Object... columns) {
        if (columns.length == 0 || columns.length % 2 != 0) {
            throw new IllegalArgumentException("columns are (header, weight) pairs");
        }
        String[] headers = new String[columns.length / 2];
        float[] weights = new float[columns.length / 2];
        for (int i = 0; i < headers.length; i++) {
            headers[i] = (String) columns[2 * i];
            weights[i] = ((Number) columns[2 * i + 1]).floatValue();
        }
        return new Table(headers, weights);
    }

    private Table(String[] headers, float[] weights) {
        this.headers = headers;
        this.weights = weights;
    }

    public Table row(Object... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table " + headers.length);
        }
        rows.add(Arrays.stream(cells).map(c -> c instanceof Cell cell ? cell : Cell.of(c)).toArray(Cell[]::new));
        return this;
    }

    public int size() {
        return rows.size();
    }

    public void draw(ReportCanvas canvas, String emptyText) {
        float[] widths = widths(canvas.contentWidth());
        Cell[] header = Arrays.stream(headers).map(h -> new Cell(h, Colours.HEADER_FILL, false)).toArray(Cell[]::new);
        List<List<String>> headerLines = layout(canvas, header, widths, true);
        float headerHeight = height(headerLines);
        if (rows.isEmpty()) {
            canvas.ensure(headerHeight + LEADING + 2 * PAD);
            drawRow(canvas, header, headerLines, widths, true);
            canvas.paragraph(canvas.fonts.regular, SIZE, Colours.MUTED, emptyText);
            return;
        }
        boolean first = true;
        for (Cell[] row : rows) {
            List<List<String>> lines = layout(canvas, row, widths, false);
            float height = height(lines);
            if (canvas.ensure(first ? headerHeight + height : height) || first) {
                drawRow(canvas, header, headerLines, widths, true);
            }
            drawRow(canvas, row, lines, widths, false);
            first = false;
        }
        canvas.down(8);
    }

    private float[] widths(float total) {
        float sum = 0;
        for (float w : weights) {
            sum += w;
        }
        float[] widths = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            widths[i] = total * weights[i] / sum;
        }
        return widths;
    }

    private List<List<String>> layout(ReportCanvas canvas, Cell[] cells, float[] widths, boolean bold) {
        List<List<String>> lines = new ArrayList<>();
        for (int i = 0; i < cells.length; i++) {
            lines.add(canvas.wrap(font(canvas, cells[i], bold), SIZE, cells[i].text(), widths[i] - 2 * PAD));
        }
        return lines;
    }

    private static float height(List<List<String>> lines) {
        int most = lines.stream().mapToInt(List::size).max().orElse(1);
        return most * LEADING + 2 * PAD;
    }

    private void drawRow(ReportCanvas canvas, Cell[] cells, List<List<String>> lines, float[] widths,
                         boolean bold) {
        float height = height(lines);
        float top = canvas.y();
        float x = canvas.left();
        for (int i = 0; i < cells.length; i++) {
            if (cells[i].fill() != null) {
                canvas.fill(x, top - height, widths[i], height, cells[i].fill());
            }
            List<String> cellLines = lines.get(i);
            for (int l = 0; l < cellLines.size(); l++) {
                canvas.text(font(canvas, cells[i], bold), SIZE, Colours.TEXT, x + PAD,
                        top - PAD - (l + 1) * LEADING + 2, cellLines.get(l));
            }
            x += widths[i];
        }
        canvas.rule(canvas.left(), canvas.left() + canvas.contentWidth(), top - height, Colours.RULE, 0.5f);
        canvas.down(height);
    }

    private static org.apache.pdfbox.pdmodel.font.PDType0Font font(ReportCanvas canvas, Cell cell, boolean bold) {
        return bold ? canvas.fonts.bold : cell.mono() ? canvas.fonts.mono : canvas.fonts.regular;
    }
}
