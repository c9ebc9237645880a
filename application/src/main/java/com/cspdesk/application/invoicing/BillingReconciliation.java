package com.cspdesk.application.invoicing;

import com.cspdesk.application.invoicing.port.in.InvoiceViews.BillingItem;
import com.cspdesk.application.invoicing.port.in.ReadReconciliation;
import com.cspdesk.application.invoicing.port.in.ReadUnbilled;
import com.cspdesk.application.invoicing.port.out.Invoices;
import com.cspdesk.application.shared.ContinuationTokens;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What billing teams reconcile with (issue #16 item 7): the charges and credits no invoice has taken
 * yet, and the invoiced line items of a period — the same items the monthly invoice run takes, read
 * where it would take them ({@link Invoices}). Both need {@code RECONCILE_BILLING}.
 */
public final class BillingReconciliation implements ReadUnbilled, ReadReconciliation {

    private static final String UNBILLED = "unbilled";
    private static final String INVOICED = "reconciliation";

    private final Invoices invoices;
    private final Clock clock;

    public BillingReconciliation(Invoices invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    @Override
    public Lookup<Unbilled> unbilled(PageRequest page, Actor actor) {
        if (!actor.may(Permission.RECONCILE_BILLING)) {
            return Lookup.notPermitted(Permission.RECONCILE_BILLING);
        }
        Optional<Invoices.ItemCursor> after = page.continuationToken().map(token -> cursor(UNBILLED, token, true));
        Instant now = clock.instant();
        List<BillingItem> rows = invoices.unbilled(now, after, page.size() + 1);
        var totals = invoices.unbilledTotals(now);
        long count = totals.stream().mapToLong(t -> t.items()).sum();
        return Lookup.found(new Unbilled(totals, page(rows, page, count, UNBILLED, item -> item.line().occurredAt().toString())));
    }

    @Override
    public Lookup<Page<BillingItem>> lines(Period period, PageRequest page, Actor actor) {
        if (!actor.may(Permission.RECONCILE_BILLING)) {
            return Lookup.notPermitted(Permission.RECONCILE_BILLING);
        }
        Optional<Invoices.ItemCursor> after = page.continuationToken().map(token -> cursor(INVOICED, token, false));
        List<BillingItem> rows = invoices.invoiced(period.start(), period.end(), after, page.size() + 1);
        // A period's count would be a second pass over it: totalCount is the page's, as Partner Center's is.
        return Lookup.found(page(rows, page, 0, INVOICED, item -> item.invoiceId().orElseThrow()));
    }

    private static Page<BillingItem> page(List<BillingItem> rows, PageRequest page, long count, String kind,
                                          Function<BillingItem, String> first) {
        boolean more = rows.size() > page.size();
        List<BillingItem> shown = more ? rows.subList(0, page.size()) : rows;
        Optional<String> next = Optional.empty();
        if (more) {
            BillingItem last = shown.get(shown.size() - 1);
            next = Optional.of(ContinuationTokens.encode(kind, first.apply(last), last.line().kind(), last.line().orderId(),
                    String.valueOf(last.line().lineItemNumber()), String.valueOf(last.seq())));
        }
        return new Page<>(shown, Math.max(count, shown.size()), next);
    }

    private static Invoices.ItemCursor cursor(String kind, String token, boolean instantFirst) {
        List<String> values = ContinuationTokens.decode(kind, 5, token);
        try {
            if (instantFirst) {
                Instant.parse(values.get(0));
            }
            return new Invoices.ItemCursor(values.get(0), values.get(1), values.get(2), Integer.parseInt(values.get(3)),
                    Integer.parseInt(values.get(4)));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidContinuationToken();
        }
    }
}
