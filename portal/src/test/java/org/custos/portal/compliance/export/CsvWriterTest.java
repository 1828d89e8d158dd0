package org.custos.portal.compliance.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 4180 output of {@link CsvWriter}, checked against a small reference parser kept here: what goes in comes
 * back out (with the formula prefix where one is due), CRLF line ends, UTF-8 without BOM.
 */
class CsvWriterTest {

    @Test
    void plainCellsAreWrittenAsTheyAre() {
        assertThat(CsvWriter.cell("GDPR-DSR-01")).isEqualTo("GDPR-DSR-01");
        assertThat(CsvWriter.cell("0xabc")).isEqualTo("0xabc");
        assertThat(CsvWriter.cell(null)).isEmpty();
        assertThat(CsvWriter.cell("")).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithInnerQuotesDoubled() {
        assertThat(CsvWriter.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.cell("say \"no\"")).isEqualTo("\"say \"\"no\"\"\"");
        assertThat(CsvWriter.cell("line1\nline2")).isEqualTo("\"line1\nline2\"");
        assertThat(CsvWriter.cell("line1\r\nline2")).isEqualTo("\"line1\r\nline2\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://evil\")"})
    void formulaStartsArePrefixedWithAnApostrophe(String value) {
        String written = CsvWriter.cell(value);
        List<List<String>> parsed = Rfc4180.parse(written + "\r\n");
        assertThat(parsed.get(0).get(0)).isEqualTo("'" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {" =1+2", "   @SUM(A1)", "\u00a0-cmd|' /C calc'!A0", "\uff1dSUM(A1)", "\uff0b1",
        "\uff0d1", "\uff20SUM(A1)", " \uff1d1"})
    void formulaStartsAfterSpacesAndFullWidthFormulaCharactersArePrefixedToo(String value) {
        List<List<String>> parsed = Rfc4180.parse(CsvWriter.cell(value) + "\r\n");
        assertThat(parsed.get(0).get(0)).isEqualTo("'" + value);
    }

    @Test
    void spacesAloneAndSpacesBeforeTextAreLeftAlone() {
        assertThat(CsvWriter.cell(" ")).isEqualTo(" ");
        assertThat(CsvWriter.cell("  a=1")).isEqualTo("  a=1");
    }

    @Test
    void semicolonsAndTabsAreQuotedSoThatNoLocaleSplitsTheCellIntoAFormula() {
        assertThat(CsvWriter.cell("a;=HYPERLINK(\"http://evil\")")).isEqualTo("\"a;=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(CsvWriter.cell("a\t=1+2")).isEqualTo("\"a\t=1+2\"");
        List<List<String>> parsed = Rfc4180.parse(CsvWriter.cell("x; -1") + "," + CsvWriter.cell("\t=1") + "\r\n");
        assertThat(parsed.get(0)).containsExactly("x; -1", "'\t=1");
    }

    @Test
    void aFormulaStartInsideACellIsLeftAlone() {
        assertThat(CsvWriter.cell("a=1")).isEqualTo("a=1");
        assertThat(CsvWriter.cell("0x-1")).isEqualTo("0x-1");
    }

    @Test
    void rowsRoundTripThroughAnRfc4180ParserInUtf8WithCrlf() throws Exception {
        List<String> header = List.of("a", "b", "c");
        List<List<String>> rows = List.of(
                List.of("Zürich, Łódź — 東京", "\"quoted\"", "multi\nline"),
                Arrays.asList(null, "", "plain"),
                List.of("=cmd|' /C calc'!A0", "ok", "-5"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(out, header)) {
            for (List<String> r : rows) {
                csv.row(r);
            }
        }
        byte[] bytes = out.toByteArray();
        assertThat(bytes[0]).as("no byte-order mark").isEqualTo((byte) 'a');
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("a,b,c\r\n").endsWith("\r\n");
        assertThat(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8)).isEqualTo(bytes);
        assertThat(text).contains("Zürich, Łódź — 東京");
        List<List<String>> parsed = Rfc4180.parse(text);
        assertThat(parsed).hasSize(4);
        assertThat(parsed.get(0)).isEqualTo(header);
        assertThat(parsed.get(1)).containsExactly("Zürich, Łódź — 東京", "\"quoted\"", "multi\nline");
        assertThat(parsed.get(2)).containsExactly("", "", "plain");
        assertThat(parsed.get(3)).containsExactly("'=cmd|' /C calc'!A0", "ok", "'-5");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() throws Exception {
        try (CsvWriter csv = new CsvWriter(new ByteArrayOutputStream(), List.of("a", "b"))) {
            assertThatThrownBy(() -> csv.row(List.of("only one"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1 cells");
        }
    }
}
