package com.cspdesk.adapters.web.activity;

import com.cspdesk.application.activity.port.in.ActivityRecordView;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The activity log as CSV (RFC 4180, CRLF, a header row), one record a line, with the JSON record's
 * fields: Partner Center's operation and resource types, each followed by our kind. Guards against CSV
 * (formula) injection as OWASP advises: a cell that a spreadsheet would read as a formula — it
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return — is
 * prefixed with {@code '}, so a customer name like {@code =HYPERLINK(…)} stays text.
 */
final class ActivityCsv implements Closeable {

    static final String[] HEADER = {"id", "operationDate", "operationType", "operationKind", "operationStatus",
            "userPrincipalName", "applicationId", "customerId", "customerName", "resourceType", "resourceKind", "resourceId",
            "customizedData"};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).setRecordSeparator("\r\n").get();

    private final CSVPrinter printer;

    /** Writes the header row at once. */
    ActivityCsv(Writer out) throws IOException {
        this.printer = FORMAT.print(out);
    }

    void write(ActivityRecordView record) throws IOException {
        printer.printRecord(cells(record));
    }

    static List<String> cells(ActivityRecordView record) {
        List<String> cells = new ArrayList<>(HEADER.length);
        cells.add(safe(record.id()));
        cells.add(record.operationDate() == null ? "" : record.operationDate().toString());
        cells.add(safe(record.operationType()));
        cells.add(safe(record.operationKind()));
        cells.add(safe(record.operationStatus()));
        cells.add(safe(record.userPrincipalName()));
        cells.add(safe(record.applicationId()));
        cells.add(safe(record.customerId()));
        cells.add(safe(record.customerName()));
        cells.add(safe(record.resourceType()));
        cells.add(safe(record.resourceKind()));
        cells.add(safe(record.resourceId()));
        cells.add(safe(customizedData(record.customizedData())));
        return cells;
    }

    /** {@code key=value; key=value}, in the record's order. */
    static String customizedData(Map<String, String> data) {
        if (data == null || data.isEmpty()) {
            return "";
        }
        StringBuilder joined = new StringBuilder();
        data.forEach((key, value) -> {
            if (!joined.isEmpty()) {
                joined.append("; ");
            }
            joined.append(key).append('=').append(value == null ? "" : value);
        });
        return joined.toString();
    }

    /** The cell as text a spreadsheet will not evaluate. */
    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + cell;
        }
        return cell;
    }

    void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
