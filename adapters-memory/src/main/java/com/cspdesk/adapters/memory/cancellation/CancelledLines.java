package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.cancellation.port.out.OrderCancellations.CancelledLine;
import com.cspdesk.application.ordering.port.out.Orders.StoredLine;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What cancellations changed on stored orders and entitlements, kept here and laid over them as the
 * Orders and OwnedSoftware ports read them ({@link OrdersAsCancelled}, {@link SoftwareAsRevoked}):
 * the JDBC adapter updates those rows in place, this one keeps the change beside them.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class CancelledLines {

    private final MemoryTransactions transactions;
    /** Guarded by the units of work. */
    private final Map<String, Map<Integer, CancelledLine>> linesByOrder = new HashMap<>();
    private final Map<String, OrderStatus> statusByOrder = new HashMap<>();
    private final Set<String> revokedEntitlements = new HashSet<>();

    CancelledLines(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    void cancel(String orderId, List<CancelledLine> lines, OrderStatus newStatus) {
        transactions.inTransaction(() -> {
            Map<Integer, CancelledLine> before = Map.copyOf(linesByOrder.getOrDefault(orderId, Map.of()));
            OrderStatus statusBefore = statusByOrder.get(orderId);
            return transactions.change(() -> {
                Map<Integer, CancelledLine> of = linesByOrder.computeIfAbsent(orderId, id -> new HashMap<>());
                lines.forEach(line -> of.put(line.lineItemNumber(), line));
                return statusByOrder.put(orderId, newStatus);
            }, () -> {
                linesByOrder.put(orderId, new HashMap<>(before));
                if (statusBefore == null) {
                    statusByOrder.remove(orderId);
                } else {
                    statusByOrder.put(orderId, statusBefore);
                }
            });
        });
    }

    /** Answers whether the entitlement was active until now. */
    boolean revoke(String entitlementId) {
        return transactions.inTransaction(() -> !revokedEntitlements.contains(entitlementId)
                && transactions.change(() -> revokedEntitlements.add(entitlementId),
                () -> revokedEntitlements.remove(entitlementId)));
    }

    StoredOrder over(StoredOrder order) {
        return transactions.read(() -> {
            Map<Integer, CancelledLine> cancelled = linesByOrder.getOrDefault(order.id(), Map.of());
            OrderStatus status = statusByOrder.get(order.id());
            if (cancelled.isEmpty() && status == null) {
                return order;
            }
            List<StoredLine> lines = order.lines().stream().map(line -> Optional.ofNullable(cancelled.get(line.lineItemNumber()))
                    .map(c -> new StoredLine(line.lineItemNumber(), line.offerId(), line.productId(), line.skuId(),
                            line.availabilityId(), line.friendlyName(), line.kind(), line.term(), line.quantity(),
                            line.unitPrice(), line.charged(), line.taxIncluded(), LineStatus.CANCELLED, c.credit(),
                            Optional.of(c.cancelledAt())))
                    .orElse(line)).toList();
            return new StoredOrder(order.id(), order.customerTenantId(), order.billingCycle(), order.currency(),
                    order.createdAt(), status == null ? order.status() : status, order.totals(), order.createdBy(), lines);
        });
    }

    Entitlement over(Entitlement e) {
        return transactions.read(() -> !e.active() || !revokedEntitlements.contains(e.id()) ? e
                : new Entitlement(e.id(), e.customerTenantId(), e.orderId(), e.lineItemNumber(), e.productId(), e.skuId(),
                e.productName(), e.contractType(), e.purchasedAt(), e.versions(), e.languages(), e.bitness(), false));
    }
}
