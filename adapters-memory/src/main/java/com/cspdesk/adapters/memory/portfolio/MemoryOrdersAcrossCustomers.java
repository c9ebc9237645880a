package com.cspdesk.adapters.memory.portfolio;

import com.cspdesk.adapters.memory.ordering.OrderBook;
import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter.Position;
import com.cspdesk.application.portfolio.port.out.OrdersAcrossCustomers;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** Every customer's orders from the {@link OrderBook}, filtered and sorted as the JDBC adapter's indexes read them. */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryOrdersAcrossCustomers implements OrdersAcrossCustomers {

    private final MemoryTransactions transactions;
    private final OrderBook book;
    private final Customers customers;

    MemoryOrdersAcrossCustomers(MemoryTransactions transactions, OrderBook book, Customers customers) {
        this.transactions = transactions;
        this.book = book;
        this.customers = customers;
    }

    @Override
    public List<CustomerOrder> page(AcrossCustomersFilter filter, Optional<Position> after, int limit) {
        return transactions.read(() -> AcrossCustomersRows.page(book.all().stream(), filter, StoredOrder::customerTenantId,
                        order -> new Position(order.createdAt(), order.id()),
                        order -> filter.status().map(order.status().code()::equals).orElse(true)
                                && filter.productId().map(product -> order.lines().stream()
                                .anyMatch(line -> line.productId().equals(product))).orElse(true),
                        after, limit).stream()
                .map(order -> new CustomerOrder(order, AcrossCustomersRows.customerName(customers, order.customerTenantId())))
                .toList());
    }
}
