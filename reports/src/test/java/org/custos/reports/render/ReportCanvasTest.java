package org.custos.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class ReportCanvasTest {

    @Test
    void wrappedLinesFitAndKeepEveryCharacter() throws Exception {
        try (PDDocument document = new PDDocument()) {
            ReportCanvas canvas = new ReportCanvas(document, Fonts.load(document));
            Random random = new Random(7);
            String alphabet = "abcdefghijklmnopqrstuvwxyzłčßΑθψ✓0123456789";
            for (int round = 0; round < 200; round++) {
                StringBuilder text = new StringBuilder();
                int words = 1 + random.nextInt(40);
                for (int w = 0; w < words; w++) {
                    int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 90 : 12);
                    for (int c = 0; c < length; c++) {
                        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    text.append(' ');
                }
                String input = text.toString().trim();
                float max = 60 + random.nextInt(400);
                List<String> lines = canvas.wrap(canvas.fonts.regular, 9, input, max);
                for (String line : lines) {
                    assertThat(canvas.width(canvas.fonts.regular, 9, line)).as(line).isLessThanOrEqualTo(max + 0.01f);
                }
                assertThat(String.join("", lines).replace(" ", "")).isEqualTo(input.replace(" ", ""));
            }
        }
    }
}
