package com.cspdesk.adapters.memory.software;

import com.cspdesk.adapters.memory.ordering.OrderBook;
import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The granted entitlements, the state behind {@link MemoryEntitlements} (writes) and
 * {@link MemoryOwnedSoftware} (reads): by id, one per order line, each line a stored order's. Public
 * for cancellation, which cancels the entitlements of cancelled lines.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
public final class EntitlementBook {

    /** Newest purchase first, the lines of one order in line order (as the JDBC read model sorts). */
    static final Comparator<Entitlement> NEWEST_PURCHASE_FIRST = Comparator
            .comparing(Entitlement::purchasedAt).reversed()
            .thenComparing(Comparator.comparing(Entitlement::orderId).reversed())
            .thenComparing(Entitlement::lineItemNumber);

    private record Line(String orderId, int lineItemNumber) {
    }

    private final MemoryTransactions transactions;
    private final OrderBook orders;
    private final Map<String, Entitlement> byId = new HashMap<>();
    private final Map<Line, String> byLine = new HashMap<>();

    public EntitlementBook(MemoryTransactions transactions, OrderBook orders) {
        this.transactions = transactions;
        this.orders = orders;
    }

    /** The entitlements of these lines of an order, in line order (lines without software have none). */
    public List<Entitlement> ofLines(String orderId, List<Integer> lineItemNumbers) {
        return transactions.read(() -> lineItemNumbers.stream().sorted().distinct()
                .map(n -> byLine.get(new Line(orderId, n))).filter(id -> id != null).map(byId::get).toList());
    }

    /** Cancels the active entitlements of these lines; answers how many went from active to cancelled. */
    public int cancel(String orderId, List<Integer> lineItemNumbers) {
        return transactions.inTransaction(() -> {
            int cancelled = 0;
            for (Entitlement e : ofLines(orderId, lineItemNumbers)) {
                if (e.active()) {
                    Entitlement inactive = new Entitlement(e.id(), e.customerTenantId(), e.orderId(), e.lineItemNumber(),
                            e.productId(), e.skuId(), e.productName(), e.contractType(), e.purchasedAt(), e.versions(),
                            e.languages(), e.bitness(), false);
                    transactions.change(() -> byId.put(e.id(), inactive), () -> byId.put(e.id(), e));
                    cancelled++;
                }
            }
            return cancelled;
        });
    }

    /** All or nothing: refused (nothing granted) when a line has one already, or is no stored order's line. */
    void grant(List<Entitlement> entitlements) {
        transactions.inTransaction(() -> {
            Set<Line> lines = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (Entitlement e : entitlements) {
                Line line = new Line(e.orderId(), e.lineItemNumber());
                if (byLine.containsKey(line) || !lines.add(line) || byId.containsKey(e.id()) || !ids.add(e.id())) {
                    throw new IllegalStateException("order " + e.orderId() + " line " + e.lineItemNumber()
                            + " already has an entitlement");
                }
                if (!orders.hasLine(e.orderId(), e.lineItemNumber())) {
                    throw new IllegalStateException("no order line " + e.orderId() + " " + e.lineItemNumber());
                }
            }
            List<Entitlement> granted = new ArrayList<>(entitlements);
            return transactions.change(() -> {
                granted.forEach(e -> {
                    byId.put(e.id(), e);
                    byLine.put(new Line(e.orderId(), e.lineItemNumber()), e.id());
                });
                return null;
            }, () -> granted.forEach(e -> {
                byId.remove(e.id());
                byLine.remove(new Line(e.orderId(), e.lineItemNumber()));
            }));
        });
    }

    /** Every customer's entitlements, in no order (the licence inventory sorts and filters them). */
    public List<Entitlement> all() {
        return transactions.read(() -> List.copyOf(byId.values()));
    }

    List<Entitlement> ofCustomer(String customerTenantId) {
        return transactions.read(() -> byId.values().stream()
                .filter(e -> e.customerTenantId().equals(customerTenantId)).sorted(NEWEST_PURCHASE_FIRST).toList());
    }

    Optional<Entitlement> find(String customerTenantId, String entitlementId) {
        return transactions.read(() -> Optional.ofNullable(byId.get(entitlementId))
                .filter(e -> e.customerTenantId().equals(customerTenantId)));
    }
}
