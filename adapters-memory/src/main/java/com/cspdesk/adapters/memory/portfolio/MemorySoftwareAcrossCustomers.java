package com.cspdesk.adapters.memory.portfolio;

import com.cspdesk.adapters.memory.ordering.OrderBook;
import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.adapters.memory.software.EntitlementBook;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders.StoredLine;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter.Position;
import com.cspdesk.application.portfolio.port.out.SoftwareAcrossCustomers;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** The licence inventory from the {@link EntitlementBook}, each line's quantity from its order in the {@link OrderBook}. */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemorySoftwareAcrossCustomers implements SoftwareAcrossCustomers {

    private final MemoryTransactions transactions;
    private final EntitlementBook entitlements;
    private final OrderBook orders;
    private final Customers customers;

    MemorySoftwareAcrossCustomers(MemoryTransactions transactions, EntitlementBook entitlements, OrderBook orders,
                                  Customers customers) {
        this.transactions = transactions;
        this.entitlements = entitlements;
        this.orders = orders;
        this.customers = customers;
    }

    @Override
    public List<CustomerSoftware> page(AcrossCustomersFilter filter, Optional<Position> after, int limit) {
        return transactions.read(() -> AcrossCustomersRows.page(entitlements.all().stream(), filter,
                        Entitlement::customerTenantId, e -> new Position(e.purchasedAt(), e.id()),
                        e -> filter.status().map(status -> status.equals(e.active() ? "active" : "cancelled")).orElse(true)
                                && filter.productId().map(e.productId()::equals).orElse(true),
                        after, limit).stream()
                .map(e -> new CustomerSoftware(e, AcrossCustomersRows.customerName(customers, e.customerTenantId()),
                        quantity(e)))
                .toList());
    }

    private int quantity(Entitlement e) {
        return orders.find(e.customerTenantId(), e.orderId()).stream().flatMap(order -> order.lines().stream())
                .filter(line -> line.lineItemNumber() == e.lineItemNumber()).mapToInt(StoredLine::quantity)
                .findFirst().orElse(0);
    }
}
