package com.cspdesk.adapters.memory.ordering;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.reservation.ReservationProvisioning;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** The orders port over the {@link OrderBook}: keyset pages newest first, always through the customer. */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryOrders implements Orders {

    private final MemoryTransactions transactions;
    private final OrderBook book;

    MemoryOrders(MemoryTransactions transactions, OrderBook book) {
        this.transactions = transactions;
        this.book = book;
    }

    @Override
    public void add(StoredOrder order) {
        book.add(order);
    }

    @Override
    public Optional<StoredOrder> find(String customerTenantId, String orderId) {
        return book.find(customerTenantId, orderId);
    }

    @Override
    public List<StoredOrder> page(String customerTenantId, Optional<Cursor> after, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return transactions.read(() -> after.map(cursor -> book.ofCustomer(customerTenantId).tailMap(cursor, false))
                .orElseGet(() -> book.ofCustomer(customerTenantId)).values().stream().limit(limit).toList());
    }

    @Override
    public boolean changeProvisioning(String customerTenantId, String orderId, int lineItemNumber,
                                      ReservationProvisioning provisioning) {
        return transactions.inTransaction(() -> {
            Optional<StoredOrder> order = book.find(customerTenantId, orderId);
            if (order.isEmpty() || order.get().lines().stream().noneMatch(line -> line.lineItemNumber() == lineItemNumber
                    && line.status() == LineStatus.ACTIVE)) {
                return false;
            }
            StoredOrder o = order.get();
            book.replace(new StoredOrder(o.id(), o.customerTenantId(), o.billingCycle(), o.currency(), o.createdAt(), o.status(),
                    o.totals(), o.createdBy(), o.lines().stream().map(line -> line.lineItemNumber() == lineItemNumber
                    ? line.withProvisioning(provisioning) : line).toList()));
            return true;
        });
    }

    @Override
    public long count(String customerTenantId) {
        return transactions.read(() -> (long) book.ofCustomer(customerTenantId).size());
    }
}
