package com.cspdesk.application.ordering;

import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.domain.money.PreTaxPrices;
import com.cspdesk.domain.order.LineStatus;

import java.util.Optional;

/**
 * A stored order as callers see it: a cancelled line shows quantity 0 (Partner Center does), its prices before
 * tax are those of what was bought. No line has a subscription id yet: the desk keeps no subscriptions. An Azure
 * reservation line shows where it applies (its provisioning context: the customer's Azure subscription and the scope).
 */
public final class OrderViews {

    private OrderViews() {
    }

    public static OrderView view(Orders.StoredOrder order) {
        return new OrderView(order.id(), order.customerTenantId(), order.billingCycle(), order.currency(), order.createdAt(),
                order.status(), order.lines().stream().map(line -> new OrderView.Line(line.lineItemNumber(), line.offerId(),
                line.productId(), line.skuId(), line.friendlyName(), line.status() == LineStatus.CANCELLED ? 0 : line.quantity(),
                line.term(), line.unitPrice(), line.charged(), line.taxIncluded(), line.status(),
                PreTaxPrices.of(line.unitPrice(), line.quantity(), line.charged(), line.taxIncluded()), Optional.empty(),
                line.provisioning())).toList(),
                order.totals(), order.createdBy());
    }
}
