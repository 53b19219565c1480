package io.orrery.client.export;

import java.io.IOException;
import java.io.Writer;

/**
 * The comparison as CSV (RFC 4180): a header of the column names, one line per offer, CRLF line ends; a field
 * with a comma, a quote, a line break or spaces at either end is quoted, quotes doubled; a missing value is empty.
 */
public final class CsvWriter {
    private CsvWriter() {}

    public static void write(ExportTable table, Writer out) throws IOException {
        StringBuilder line = new StringBuilder();
        for (Column c : Columns.ALL) {
            line.append(line.isEmpty() ? "" : ",").append(field(c.name()));
        }
        out.write(line.append("\r\n").toString());
        for (ExportRow row : table.rows()) {
            line.setLength(0);
            boolean first = true;
            for (Column c : Columns.ALL) {
                String v = Cells.text(c.of(row));
                line.append(first ? "" : ",").append(v == null ? "" : field(v));
                first = false;
            }
            out.write(line.append("\r\n").toString());
        }
        out.flush();
    }

    /** One field, quoted when it must be. */
    static String field(String v) {
        boolean quote = v.isEmpty() ? false : v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0
                || v.indexOf('\r') >= 0 || Character.isWhitespace(v.charAt(0))
                || Character.isWhitespace(v.charAt(v.length() - 1));
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
