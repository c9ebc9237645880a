package com.cspdesk.adapters.memory.ordering;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.ordering.port.out.Orders.Cursor;
import com.cspdesk.application.ordering.port.out.Orders.StoredLine;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The stored orders, the state behind {@link MemoryOrders}: by id, and per customer newest first
 * (creation date, then id, both descending). Public for the features that read and change stored
 * orders (cancellation marks lines cancelled, entitlements need their order line), always inside
 * a unit of work of {@link MemoryTransactions}.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
public final class OrderBook {

    static final Comparator<Cursor> NEWEST_FIRST = Comparator.comparing(Cursor::createdAt)
            .thenComparing(Cursor::orderId).reversed();

    private final MemoryTransactions transactions;
    private final Map<String, StoredOrder> byId = new HashMap<>();
    private final Map<String, NavigableMap<Cursor, StoredOrder>> byCustomer = new HashMap<>();

    public OrderBook(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    /** The order, only through its own customer. */
    public Optional<StoredOrder> find(String customerTenantId, String orderId) {
        return transactions.read(() -> Optional.ofNullable(byId.get(orderId))
                .filter(order -> order.customerTenantId().equals(customerTenantId)));
    }

    /** Every customer's orders, in no order (the views across customers sort and filter them). */
    public List<StoredOrder> all() {
        return transactions.read(() -> List.copyOf(byId.values()));
    }

    /** Whether the order is stored and has that line (what an entitlement, a credit or a key refers to). */
    public boolean hasLine(String orderId, int lineItemNumber) {
        return transactions.read(() -> Optional.ofNullable(byId.get(orderId))
                .map(order -> order.lines().stream().anyMatch(line -> line.lineItemNumber() == lineItemNumber))
                .orElse(false));
    }

    /** Replaces a stored order by its changed self (same id, customer and creation date): a status, a line's credit. */
    public void replace(StoredOrder changed) {
        transactions.inTransaction(() -> {
            StoredOrder before = byId.get(changed.id());
            if (before == null || !before.customerTenantId().equals(changed.customerTenantId())
                    || !before.createdAt().equals(changed.createdAt())) {
                throw new IllegalStateException("no order " + changed.id() + " of this customer to change");
            }
            requireDistinctLines(changed);
            return transactions.change(() -> put(changed), () -> put(before));
        });
    }

    void add(StoredOrder order) {
        transactions.inTransaction(() -> {
            if (byId.containsKey(order.id())) {
                throw new IllegalStateException("order " + order.id() + " is already stored");
            }
            requireDistinctLines(order);
            return transactions.change(() -> put(order), () -> {
                byId.remove(order.id());
                byCustomer.get(order.customerTenantId()).remove(positionOf(order));
            });
        });
    }

    /** One customer's orders newest first; read inside a unit of work. */
    NavigableMap<Cursor, StoredOrder> ofCustomer(String customerTenantId) {
        return byCustomer.getOrDefault(customerTenantId, new TreeMap<>(NEWEST_FIRST));
    }

    static Cursor positionOf(StoredOrder order) {
        return new Cursor(order.createdAt(), order.id());
    }

    private StoredOrder put(StoredOrder order) {
        byCustomer.computeIfAbsent(order.customerTenantId(), tenant -> new TreeMap<>(NEWEST_FIRST))
                .put(positionOf(order), order);
        return byId.put(order.id(), order);
    }

    private static void requireDistinctLines(StoredOrder order) {
        Set<Integer> numbers = new HashSet<>();
        for (StoredLine line : order.lines()) {
            if (!numbers.add(line.lineItemNumber())) {
                throw new IllegalStateException("order " + order.id() + " has line " + line.lineItemNumber() + " twice");
            }
        }
    }
}
