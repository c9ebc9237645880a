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

    /** {@code status}: running, completed, skipped (another run held the lock) or failed. */
    record InvoiceRunView(String id, YearMonth billingMonth, String status, Instant startedAt, Optional<Instant> finishedAt,
                          int currenciesTotal, int currenciesDone, int invoicesCreated, String startedBy) {
    }
}
