package org.custos.reports.render;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A tinted box with a bold title, a coloured bar on its left edge and wrapped lines: the first-page warning of
 * what a report could not verify, and the pre-inspection statement. Never split across pages.
 */
final class NoticeBox {

    private static final float TITLE_SIZE = 10.5f;
    private static final float SIZE = 9.5f;
    private static final float LEADING = SIZE * 1.35f;
    private static final float PAD = 8;
    private static final float BAR = 4;

    private NoticeBox() {
    }

    static void draw(ReportCanvas canvas, String title, List<String> items, Color fill, Color bar) {
        float width = canvas.contentWidth() - 2 * PAD - BAR;
        List<String> titleLines = canvas.wrap(canvas.fonts.bold, TITLE_SIZE, title, width);
        List<String> lines = new ArrayList<>();
        for (String item : items) {
            lines.addAll(canvas.wrap(canvas.fonts.regular, SIZE, item, width));
        }
        float height = titleLines.size() * TITLE_SIZE * 1.35f + lines.size() * LEADING + 2 * PAD
                + (lines.isEmpty() ? 0 : 3);
        canvas.ensure(height + 8);
        canvas.down(4);
        float top = canvas.y();
        canvas.fill(canvas.left(), top - height, canvas.contentWidth(), height, fill);
        canvas.fill(canvas.left(), top - height, BAR, height, bar);
        float x = canvas.left() + BAR + PAD;
        float y = top - PAD;
        for (String line : titleLines) {
            y -= TITLE_SIZE * 1.35f;
            canvas.text(canvas.fonts.bold, TITLE_SIZE, Colours.TEXT, x, y + 2, line);
        }
        y -= lines.isEmpty() ? 0 : 3;
        for (String line : lines) {
            y -= LEADING;
            canvas.text(canvas.fonts.regular, SIZE, Colours.TEXT, x, y + 2, line);
        }
        canvas.down(height + 4);
    }
}
