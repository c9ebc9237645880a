package com.cspdesk.application.invoicing.port.in;

import com.cspdesk.domain.money.Money;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Optional;

/** What invoices and invoice runs show. Credits are negative amounts; a total may be negative. */
public interface InvoiceViews {

    /**
     * One invoice per billing month and currency: the charges and credits not invoiced before,
     * up to the month's end (a credit issued after a month was invoiced lands on the next one).
     */
    record InvoiceView(String id, YearMonth billingMonth, Currency currency, Instant issuedAt, int lineCount,
                       Amounts charges, Amounts credits, Amounts total) {
    }

    record Amounts(Money net, Money tax, Money gross) {
    }

    /** {@code kind} is {@code charge} or {@code credit}. */
    record InvoiceLineView(String kind, String customerTenantId, String customerName, String orderId, int lineItemNumber,
                           String description, Instant occurredAt, Amounts amounts) {
    }

    /**
     * A charge or credit as billing reconciles it (issue #16): on an invoice (its id and month), or not yet
     * ({@code invoiceId} empty: unbilled). {@code seq} tells a line's items apart: 0 the purchase, n its n-th
     * renewal; a credit note's number on its line.
     */
    record BillingItem(Optional<String> invoiceId, Optional<YearMonth> billingMonth, Currency currency, int seq,
                       InvoiceLineView line) {
    }

    /** What no invoice has taken yet in one currency: how many items, the charges, the credits (negative), the total. */
    record UnbilledTotals(Currency currency, long items, Amounts charges, Amounts credits, Amounts total) {
    }

    /** {@code status}: running, completed, skipped (another run held the lock) or failed. */
    record InvoiceRunView(String id, YearMonth billingMonth, String status, Instant startedAt, Optional<Instant> finishedAt,
                          int currenciesTotal, int currenciesDone, int invoicesCreated, String startedBy) {
    }
}
