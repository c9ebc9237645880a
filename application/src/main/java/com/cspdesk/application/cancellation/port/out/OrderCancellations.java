package com.cspdesk.application.cancellation.port.out;

import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.OrderStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writing a cancellation, and credits given after the purchase, onto stored orders. */
public interface OrderCancellations {

    /**
     * Reads the order and locks it (its row and lines) and its customer for the rest of the
     * transaction, so two concurrent cancellations of one order, or of two orders sharing the
     * customer's reservation refund allowance, run one after the other.
     */
    Optional<Orders.StoredOrder> lockForCancellation(String customerTenantId, String orderId);

    /**
     * Marks the lines cancelled, each with what it has now been credited in all (its earlier credits
     * and the cancellation's), and sets the order's status.
     */
    void markCancelled(String orderId, List<CancelledLine> lines, OrderStatus newStatus);

    /**
     * Adds a credit that is not a cancellation (goodwill, an approved refund) to what each named line has
     * been credited; the line's status stays. Refused ({@link IllegalStateException}, the caller's
     * transaction rolls back) when a line would be credited beyond its charge.
     */
    void addCredits(String orderId, Map<Integer, PriceQuote> credits);

    /** {@code credit}: what the line has been credited in all once cancelled. */
    record CancelledLine(int lineItemNumber, PriceQuote credit, Instant cancelledAt) {
    }
}
