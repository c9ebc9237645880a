package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.domain.reservation.ReservationProvisioning;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The Orders bean, whichever adapter makes it, noting every order it adds in {@link AddedOrders}
 * (in the same unit of work); everything else goes straight to the bean.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class AddedOrdersNoted implements BeanCreatedEventListener<Orders> {

    private final MemoryTransactions transactions;
    private final AddedOrders added;

    AddedOrdersNoted(MemoryTransactions transactions, AddedOrders added) {
        this.transactions = transactions;
        this.added = added;
    }

    @Override
    public Orders onCreated(BeanCreatedEvent<Orders> event) {
        Orders stored = event.getBean();
        return new Orders() {
            @Override
            public void add(StoredOrder order) {
                transactions.inTransaction(() -> {
                    stored.add(order);
                    added.added(order.customerTenantId(), order.id());
                    return null;
                });
            }

            @Override
            public Optional<StoredOrder> find(String customerTenantId, String orderId) {
                return stored.find(customerTenantId, orderId);
            }

            @Override
            public List<StoredOrder> page(String customerTenantId, Optional<Cursor> after, int limit) {
                return stored.page(customerTenantId, after, limit);
            }

            @Override
            public long count(String customerTenantId) {
                return stored.count(customerTenantId);
            }

            @Override
            public boolean changeProvisioning(String customerTenantId, String orderId, int lineItemNumber,
                                              ReservationProvisioning provisioning) {
                return stored.changeProvisioning(customerTenantId, orderId, lineItemNumber, provisioning);
            }

            @Override
            public String toString() {
                return stored.toString();
            }
        };
    }
}
