package com.cspdesk.application.invoicing.port.out;

import com.cspdesk.application.invoicing.port.in.InvoiceViews;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** The stored invoices; the adapter builds them set-based from order lines and credit notes. */
public interface Invoices {

    /** Currencies with charges or credits not yet on an invoice that occurred before {@code until}. */
    List<Currency> currenciesToInvoice(Instant until);

    boolean exists(YearMonth billingMonth, Currency currency);

    /**
     * Creates the invoice of the month and currency from every charge and credit not yet invoiced
     * that occurred before {@code until}; each item lands on exactly one invoice. Answers the
     * number of lines, 0 (and no invoice) when there was nothing to invoice.
     */
    int create(String invoiceId, YearMonth billingMonth, Currency currency, Instant until, Instant issuedAt);

    /** Newest billing month first, then currency; after {@code after} (exclusive). */
    List<InvoiceViews.InvoiceView> page(Optional<Cursor> after, int limit);

    long count();

    Optional<InvoiceViews.InvoiceView> find(String invoiceId);

    List<InvoiceViews.InvoiceLineView> lines(String invoiceId);

    record Cursor(YearMonth billingMonth, String currency) {
    }
}
