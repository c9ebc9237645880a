package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredLine;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.domain.order.OrderStatus;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cancellation on the stored orders. "Locking" is the unit of work itself: units run one at a
 * time, so a second cancellation of the order (or of another order of the customer, which shares
 * the reservation refund allowance) reads what the first wrote — the customer-then-order row locks'
 * guarantee, for every customer at once.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryOrderCancellations implements OrderCancellations {

    private final MemoryTransactions transactions;
    private final Orders orders;
    private final AddedOrders added;
    private final CancelledLines cancelled;

    MemoryOrderCancellations(MemoryTransactions transactions, Orders orders, AddedOrders added, CancelledLines cancelled) {
        this.transactions = transactions;
        this.orders = orders;
        this.added = added;
        this.cancelled = cancelled;
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
            Set<Integer> known = order.lines().stream().map(StoredLine::lineItemNumber).collect(Collectors.toSet());
            for (CancelledLine line : lines) {
                if (!known.contains(line.lineItemNumber())) {
                    throw new IllegalStateException("no line " + line.lineItemNumber() + " in order " + orderId);
                }
            }
            cancelled.cancel(orderId, lines, newStatus);
            return null;
        });
    }
}
