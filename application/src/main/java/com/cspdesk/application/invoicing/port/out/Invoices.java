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

    /**
     * The items no invoice has taken yet that occurred before {@code until} (issue #16: unbilled), oldest
     * first — by occurred-at, kind, order, line, seq — after {@code after} (exclusive). Exact for every item
     * a completed run could not have taken (see {@link #currenciesToInvoice}'s reach).
     */
    List<InvoiceViews.BillingItem> unbilled(Instant until, Optional<ItemCursor> after, int limit);

    /** The unbilled items' count and sums per currency, currency A–Z. */
    List<InvoiceViews.UnbilledTotals> unbilledTotals(Instant until);

    /**
     * Invoice lines that occurred in [{@code from}, {@code until}), with their invoice, in invoice order
     * (invoice id, kind, order, line, seq), after {@code after} (exclusive).
     */
    List<InvoiceViews.BillingItem> invoiced(Instant from, Instant until, Optional<ItemCursor> after, int limit);

    record Cursor(YearMonth billingMonth, String currency) {
    }

    /** Where a page of items ended: {@code first} is the occurred-at instant (unbilled) or the invoice id (invoiced). */
    record ItemCursor(String first, String kind, String orderId, int lineItemNumber, int seq) {
    }
}
