package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every order added through the Orders port, by id with its customer's tenant, oldest first. The
 * port finds an order only under its tenant; cancellation marks an order by its id alone, and
 * invoices take every order's lines (also of a tenant without a customer). Filled by
 * {@link AddedOrdersNoted} as orders are added, undone with the unit that added them.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
public final class AddedOrders {

    private final MemoryTransactions transactions;
    /** Guarded by the units of work. */
    private final List<OrderRef> added = new ArrayList<>();
    private final Map<String, String> tenantOf = new HashMap<>();

    AddedOrders(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    void added(String customerTenantId, String orderId) {
        OrderRef ref = new OrderRef(customerTenantId, orderId);
        transactions.change(() -> {
            added.add(ref);
            return tenantOf.put(orderId, customerTenantId);
        }, () -> {
            added.remove(added.size() - 1);
            tenantOf.remove(orderId);
        });
    }

    Optional<String> tenantOf(String orderId) {
        return transactions.read(() -> Optional.ofNullable(tenantOf.get(orderId)));
    }

    /** Every order added, oldest first. */
    public List<OrderRef> all() {
        return transactions.read(() -> List.copyOf(added));
    }

    public record OrderRef(String customerTenantId, String orderId) {
    }
}
