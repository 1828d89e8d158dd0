package org.custos.portal.compliance.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV after RFC 4180: fields separated by commas, records ended by CRLF, a field quoted when it holds a
 * comma, a double quote, CR or LF (inner quotes doubled), UTF-8 without a byte-order mark. Every cell is
 * untrusted text (ledger and bundle values, reasons typed by people), so a cell a spreadsheet would read as a
 * formula is prefixed with an apostrophe before quoting (OWASP "CSV injection", ASVS 5.3.6): one starting with
 * {@code = + - @}, a tab or a CR, also after leading spaces (a spreadsheet that trims them would still see the
 * formula), and the full-width forms {@code ＝ ＋ － ＠} (U+FF1D, U+FF0B, U+FF0D, U+FF20) that some spreadsheets
 * in East Asian locales take for their ASCII counterparts. A cell holding a semicolon or a tab is quoted too: a
 * spreadsheet whose locale separates fields with them (German, French Excel) would otherwise split it and start
 * a new cell, a formula perhaps, after the separator. A null cell is written empty. Rows are written as they
 * come (streaming); the caller flushes or closes.
 */
public final class CsvWriter implements AutoCloseable {

    private final Writer out;
    private final int columns;

    /** A writer for rows of exactly {@code header.size()} cells; writes the header at once. */
    public CsvWriter(OutputStream out, List<String> header) throws IOException {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.columns = header.size();
        row(header);
    }

    /** One record; the number of cells must equal the header's. */
    public void row(List<String> cells) throws IOException {
        if (cells.size() != columns) {
            throw new IllegalArgumentException("a row has " + cells.size() + " cells, the header " + columns);
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        out.write(line.append("\r\n").toString());
    }

    /** One cell as written: neutralised, then quoted when needed. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = neutralise(value);
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0
                || v.indexOf(';') >= 0 || v.indexOf('\t') >= 0;
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    /** The value with an apostrophe in front when a spreadsheet would take it for a formula. */
    static String neutralise(String value) {
        int i = 0;
        while (i < value.length() - 1 && (value.charAt(i) == ' ' || value.charAt(i) == '\u00a0')) {
            i++;
        }
        return switch (value.charAt(i)) {
            case '=', '+', '-', '@', '\t', '\r', '\uff1d', '\uff0b', '\uff0d', '\uff20' -> "'" + value;
            default -> value;
        };
    }

    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
