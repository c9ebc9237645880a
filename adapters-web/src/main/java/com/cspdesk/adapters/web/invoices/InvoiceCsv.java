package com.cspdesk.adapters.web.invoices;

import com.cspdesk.adapters.web.api.CsvRows;
import com.cspdesk.application.invoicing.port.in.InvoiceViews;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An invoice's line items as CSV (RFC 4180, CRLF, a header row, UTF-8), one line item a row,
 * charges then credits as the invoice lists them. Amounts are plain decimals with the currency's
 * minor-unit digits ({@code -12.34} for a credit), so a spreadsheet sums them.
 *
 * <p>Guards against CSV (formula) injection as OWASP advises: a text cell that a spreadsheet would
 * read as a formula — it starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return — is prefixed with {@code '}, so a customer name like {@code =HYPERLINK(…)}
 * stays text. Amount cells are written by this class from decimals and are never guarded: a
 * bare number such as {@code -12.34} is a value, not a formula, and the prefix would turn it
 * into text.
 */
final class InvoiceCsv {

    static final String[] HEADER = {"invoiceId", "billingMonth", "currencyCode", "kind", "customerId", "customerName",
            "orderId", "lineItemNumber", "description", "occurredAt", "net", "tax", "gross"};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).setRecordSeparator("\r\n").get();

    private InvoiceCsv() {
    }

    /** The whole document: an invoice has at most a month's lines of one currency, so it is built in memory. */
    static byte[] write(InvoiceViews.InvoiceView invoice, List<InvoiceViews.InvoiceLineView> lines) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = FORMAT.print(writer)) {
            for (InvoiceViews.InvoiceLineView line : lines) {
                printer.printRecord(cells(invoice, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static List<String> cells(InvoiceViews.InvoiceView invoice, InvoiceViews.InvoiceLineView line) {
        return cells(new InvoiceViews.BillingItem(Optional.of(invoice.id()), Optional.of(invoice.billingMonth()),
                invoice.currency(), 0, line));
    }

    /**
     * One charge or credit of the billing views (issue #16): the document's columns, the invoice's id and
     * month empty for an item no invoice has taken yet.
     */
    static List<String> cells(InvoiceViews.BillingItem item) {
        InvoiceViews.InvoiceLineView line = item.line();
        List<String> cells = new ArrayList<>(HEADER.length);
        cells.add(safe(item.invoiceId().orElse("")));
        cells.add(item.billingMonth().map(Object::toString).orElse(""));
        cells.add(item.currency().getCurrencyCode());
        cells.add(safe(line.kind()));
        cells.add(safe(line.customerTenantId()));
        cells.add(safe(line.customerName()));
        cells.add(safe(line.orderId()));
        cells.add(String.valueOf(line.lineItemNumber()));
        cells.add(safe(line.description()));
        cells.add(line.occurredAt() == null ? "" : line.occurredAt().toString());
        cells.add(line.amounts().net().amount().toPlainString());
        cells.add(line.amounts().tax().amount().toPlainString());
        cells.add(line.amounts().gross().amount().toPlainString());
        return cells;
    }

    /** A printer of the document's header and columns, for the billing views' streamed exports. */
    static CSVPrinter printer(Writer writer) throws IOException {
        return FORMAT.print(writer);
    }

    /** The text cell as text a spreadsheet will not evaluate (amounts, bare numbers, are written as they are). */
    static String safe(String cell) {
        return CsvRows.safe(cell);
    }
}
