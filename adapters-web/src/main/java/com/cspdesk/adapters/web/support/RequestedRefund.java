package com.cspdesk.adapters.web.support;

import com.cspdesk.application.cancellation.port.in.CancellationPreview;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.order.LineStatus;

/**
 * The "Amount requested" a customer support request about an order starts with, for the API's
 * template and the dashboard's form alike: the credit cancelling would give; else the credit of the
 * lines only a support request can cancel (a reservation over the refund limit, prorated); else
 * what the order's active lines were charged.
 */
public final class RequestedRefund {

    private RequestedRefund() {
    }

    public static Money of(CancellationPreview preview, OrderView order) {
        if (!preview.totalCredit().isZero()) {
            return preview.totalCredit().gross();
        }
        if (!preview.refundToRequest().isZero()) {
            return preview.refundToRequest().gross();
        }
        Money active = Money.zero(order.currency());
        for (OrderView.Line line : order.lineItems()) {
            if (line.status() == LineStatus.ACTIVE) {
                active = active.plus(line.charged().gross());
            }
        }
        return active.isZero() ? order.totals().gross() : active;
    }
}
