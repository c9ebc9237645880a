package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.ordering.OrderBook;
import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.ordering.port.out.Orders.StoredLine;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cancellation on the stored orders (the ordering feature's {@link OrderBook}). "Locking" is the
 * unit of work itself: units run one at a time, so a second cancellation of the order (or of another
 * order of the customer, which shares the reservation refund allowance) reads what the first wrote —
 * the customer-then-order row locks' guarantee, for every customer at once.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryOrderCancellations implements OrderCancellations {

    private final MemoryTransactions transactions;
    private final OrderBook orders;
    private final AddedOrders added;

    MemoryOrderCancellations(MemoryTransactions transactions, OrderBook orders, AddedOrders added) {
        this.transactions = transactions;
        this.orders = orders;
        this.added = added;
    }

    @Override
    public Optional<StoredOrder> lockForCancellation(String customerTenantId, String orderId) {
        return transactions.read(() -> orders.find(customerTenantId, orderId));
    }

    @Override
    public void markCancelled(String orderId, List<CancelledLine> lines, OrderStatus newStatus) {
        transactions.inTransaction(() -> {
            StoredOrder order = added.tenantOf(orderId).flatMap(tenant -> orders.find(tenant, orderId))
                    .orElseThrow(() -> new IllegalStateException("no order " + orderId + " to mark " + newStatus.code()));
            Map<Integer, CancelledLine> cancelled = new HashMap<>();
            for (CancelledLine line : lines) {
                if (order.lines().stream().noneMatch(l -> l.lineItemNumber() == line.lineItemNumber())) {
                    throw new IllegalStateException("no line " + line.lineItemNumber() + " in order " + orderId);
                }
                cancelled.put(line.lineItemNumber(), line);
            }
            List<StoredLine> changed = order.lines().stream().map(line -> Optional.ofNullable(cancelled.get(line.lineItemNumber()))
                    .map(c -> new StoredLine(line.lineItemNumber(), line.offerId(), line.productId(), line.skuId(),
                            line.availabilityId(), line.friendlyName(), line.kind(), line.term(), line.quantity(),
                            line.unitPrice(), line.charged(), line.taxIncluded(), LineStatus.CANCELLED, c.credit(),
                            Optional.of(c.cancelledAt())))
                    .orElse(line)).toList();
            orders.replace(new StoredOrder(order.id(), order.customerTenantId(), order.billingCycle(), order.currency(),
                    order.createdAt(), newStatus, order.totals(), order.createdBy(), changed));
            return null;
        });
    }

    @Override
    public void addCredits(String orderId, Map<Integer, PriceQuote> credits) {
        transactions.inTransaction(() -> {
            StoredOrder order = added.tenantOf(orderId).flatMap(tenant -> orders.find(tenant, orderId))
                    .orElseThrow(() -> new IllegalStateException("no order " + orderId + " to credit"));
            for (Integer number : credits.keySet()) {
                StoredLine line = order.lines().stream().filter(l -> l.lineItemNumber() == number).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no line " + number + " in order " + orderId));
                if (!line.credited().plus(credits.get(number)).isWithin(line.charged())) {
                    throw new IllegalStateException("order " + orderId + " line " + number + " would be credited beyond its charge");
                }
            }
            List<StoredLine> changed = order.lines().stream().map(line -> Optional.ofNullable(credits.get(line.lineItemNumber()))
                    .map(credit -> new StoredLine(line.lineItemNumber(), line.offerId(), line.productId(), line.skuId(),
                            line.availabilityId(), line.friendlyName(), line.kind(), line.term(), line.quantity(),
                            line.unitPrice(), line.charged(), line.taxIncluded(), line.status(), line.credited().plus(credit),
                            line.cancelledAt()))
                    .orElse(line)).toList();
            orders.replace(new StoredOrder(order.id(), order.customerTenantId(), order.billingCycle(), order.currency(),
                    order.createdAt(), order.status(), order.totals(), order.createdBy(), changed));
            return null;
        });
    }
}
