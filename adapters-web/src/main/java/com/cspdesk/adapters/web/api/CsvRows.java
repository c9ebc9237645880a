package com.cspdesk.adapters.web.api;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 rows (CRLF, a header row written at once) for a {@link CsvExports} stream, every cell guarded against CSV
 * (formula) injection as OWASP advises: a cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return is prefixed with {@code '}, so a customer name like {@code =HYPERLINK(…)} stays text.
 */
public final class CsvRows implements Closeable {

    private final CSVPrinter printer;

    public CsvRows(Writer out, List<String> header) throws IOException {
        this.printer = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).setRecordSeparator("\r\n")
                .get().print(out);
    }

    /** One row; an {@link UncheckedIOException} when the download is gone (for use inside a callback). */
    public void write(List<String> cells) {
        try {
            printer.printRecord(cells.stream().map(CsvRows::safe).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell as text a spreadsheet will not evaluate. */
    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + cell;
        }
        return cell;
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
