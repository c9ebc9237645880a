package com.cspdesk.application.invoicing.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.access.Actor;

import java.util.List;

/**
 * The charges and credits no invoice has taken yet, up to now (issue #16 item 7: Partner Center's unbilled
 * line items): the current month's so far, and a month that ended but is not invoiced yet. Oldest first,
 * with the totals per currency. Needs {@code RECONCILE_BILLING}.
 */
public interface ReadUnbilled {

    Lookup<Unbilled> unbilled(PageRequest page, Actor actor);

    record Unbilled(List<InvoiceViews.UnbilledTotals> totals, Page<InvoiceViews.BillingItem> items) {
        public Unbilled {
            totals = List.copyOf(totals);
        }
    }
}
