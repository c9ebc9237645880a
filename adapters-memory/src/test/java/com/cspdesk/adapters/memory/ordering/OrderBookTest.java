package com.cspdesk.adapters.memory.ordering;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.domain.order.OrderStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static com.cspdesk.contracts.SampleOrders.order;
import static com.cspdesk.contracts.SampleOrders.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the order book offers the features that change stored orders (cancellation) besides the Orders port. */
class OrderBookTest {

    private static final Instant AT = Instant.parse("2026-11-21T15:23:14.998601Z");

    private final MemoryTransactions transactions = new MemoryTransactions();
    private final OrderBook book = new OrderBook(transactions);

    @Test
    void aReplacedOrderIsReadBackChangedAndAFailedUnitPutsTheOldOneBack() {
        StoredOrder order = order(tenant(), 2, AT);
        book.add(order);
        StoredOrder cancelled = withStatus(order, OrderStatus.CANCELLED);

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            book.replace(cancelled);
            assertThat(book.find(order.customerTenantId(), order.id())).contains(cancelled);
            throw new IllegalStateException("the credit note failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(book.find(order.customerTenantId(), order.id())).contains(order);

        book.replace(cancelled);
        assertThat(book.find(order.customerTenantId(), order.id())).contains(cancelled);
        assertThat(book.ofCustomer(order.customerTenantId()).values()).containsExactly(cancelled);
    }

    @Test
    void onlyAStoredOrderOfTheSameCustomerCanBeReplaced() {
        StoredOrder order = order(tenant(), 1, AT);
        book.add(order);
        StoredOrder otherCustomers = new StoredOrder(order.id(), tenant(), order.billingCycle(), order.currency(),
                order.createdAt(), OrderStatus.CANCELLED, order.totals(), order.createdBy(), order.lines());

        assertThatThrownBy(() -> book.replace(order(tenant(), 1, AT))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> book.replace(otherCustomers)).isInstanceOf(IllegalStateException.class);
        assertThat(book.find(order.customerTenantId(), order.id())).contains(order);
    }

    @Test
    void knowsTheLinesOfStoredOrders() {
        StoredOrder order = order(tenant(), 2, AT);
        book.add(order);

        assertThat(book.hasLine(order.id(), 1)).isTrue();
        assertThat(book.hasLine(order.id(), 2)).isTrue();
        assertThat(book.hasLine(order.id(), 3)).isFalse();
        assertThat(book.hasLine("no-such-order", 1)).isFalse();
    }

    private static StoredOrder withStatus(StoredOrder order, OrderStatus status) {
        return new StoredOrder(order.id(), order.customerTenantId(), order.billingCycle(), order.currency(),
                order.createdAt(), status, order.totals(), order.createdBy(), order.lines());
    }
}
