package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.ordering.port.out.Orders;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * The Orders bean, whichever adapter makes it, as cancellation leaves it: read orders show their
 * cancelled lines and new status ({@link CancelledLines}), and every order added is noted in
 * {@link AddedOrders}. Only through the port: the orders adapter's own classes are not used.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class OrdersAsCancelled implements BeanCreatedEventListener<Orders> {

    private final MemoryTransactions transactions;
    private final CancelledLines cancelled;
    private final AddedOrders added;

    OrdersAsCancelled(MemoryTransactions transactions, CancelledLines cancelled, AddedOrders added) {
        this.transactions = transactions;
        this.cancelled = cancelled;
        this.added = added;
    }

    @Override
    public Orders onCreated(BeanCreatedEvent<Orders> event) {
        return over(event.getBean());
    }

    Orders over(Orders stored) {
        return Decorating.decorate(stored, Orders.class, new Orders() {
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
                return stored.find(customerTenantId, orderId).map(cancelled::over);
            }

            @Override
            public List<StoredOrder> page(String customerTenantId, Optional<Cursor> after, int limit) {
                return stored.page(customerTenantId, after, limit).stream().map(cancelled::over).toList();
            }

            @Override
            public long count(String customerTenantId) {
                return stored.count(customerTenantId);
            }
        });
    }
}
