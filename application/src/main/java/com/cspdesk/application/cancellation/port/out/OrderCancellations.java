package com.cspdesk.application.cancellation.port.out;

import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.OrderStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Writing a cancellation onto stored orders. */
public interface OrderCancellations {

    /**
     * Reads the order and locks it (its row and lines) and its customer for the rest of the
     * transaction, so two concurrent cancellations of one order, or of two orders sharing the
     * customer's reservation refund allowance, run one after the other.
     */
    Optional<Orders.StoredOrder> lockForCancellation(String customerTenantId, String orderId);

    /** Marks the lines cancelled with their credit, and sets the order's status. */
    void markCancelled(String orderId, List<CancelledLine> lines, OrderStatus newStatus);

    record CancelledLine(int lineItemNumber, PriceQuote credit, Instant cancelledAt) {
    }
}
