package org.custos.reports.render;

import java.util.ArrayList;
import java.util.List;

/** Label / value pairs in two columns; long values wrap, a pair is never split across pages. */
public final class KeyValueBlock {

    private static final float SIZE = 9.5f;
    private static final float LEADING = SIZE * 1.4f;

    /** One row; {@code mono} prints the value in DejaVu Sans Mono (hashes, identifiers). */
    public record Pair(String key, String value, boolean mono) {
        public static Pair of(String key, Object value) {
            return new Pair(key, String.valueOf(value), false);
        }

        public static Pair mono(String key, String value) {
            return new Pair(key, value, true);
        }
    }

    private final List<Pair> pairs = new ArrayList<>();

    public KeyValueBlock add(String key, Object value) {
        pairs.add(Pair.of(key, value));
        return this;
    }

    public KeyValueBlock mono(String key, String value) {
        pairs.add(Pair.mono(key, value));
        return this;
    }

    public void draw(ReportCanvas canvas) {
        float keyWidth = canvas.contentWidth() * 0.30f;
        float valueX = canvas.left() + keyWidth + 8;
        float valueWidth = canvas.contentWidth() - keyWidth - 8;
        for (Pair pair : pairs) {
            var font = pair.mono() ? canvas.fonts.mono : canvas.fonts.regular;
            float size = pair.mono() ? SIZE - 1 : SIZE;
            List<String> keyLines = canvas.wrap(canvas.fonts.bold, SIZE, pair.key(), keyWidth);
            List<String> valueLines = canvas.wrap(font, size, pair.value(), valueWidth);
            int lines = Math.max(keyLines.size(), valueLines.size());
            canvas.ensure(lines * LEADING + 3);
            float top = canvas.y();
            for (int i = 0; i < lines; i++) {
                float baseline = top - (i + 1) * LEADING;
                if (i < keyLines.size()) {
                    canvas.text(canvas.fonts.bold, SIZE, Colours.MUTED, canvas.left(), baseline, keyLines.get(i));
                }
                if (i < valueLines.size()) {
                    canvas.text(font, size, Colours.TEXT, valueX, baseline, valueLines.get(i));
                }
            }
            canvas.down(lines * LEADING + 3);
        }
        canvas.down(4);
    }
}
