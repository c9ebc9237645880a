package com.cspdesk.adapters.memory.subscriptions;

import com.cspdesk.adapters.memory.ordering.OrderBook;
import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.SubscriptionStarts;
import com.cspdesk.application.subscriptions.port.out.Subscriptions;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.subscription.Subscription;
import com.cspdesk.domain.subscription.SubscriptionStatus;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The subscriptions in memory, read with what their order line in the {@link OrderBook} says of them;
 * a change is a compare-and-set inside the unit of work (units run one at a time).
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemorySubscriptions implements Subscriptions, SubscriptionStarts {

    private static final Comparator<Subscription> NEWEST_FIRST = Comparator.comparing(Subscription::createdAt)
            .thenComparing(Subscription::id).reversed();

    private final MemoryTransactions transactions;
    private final OrderBook orders;
    /** Guarded by the units of work. */
    private final Map<String, Subscription> byId = new HashMap<>();

    MemorySubscriptions(MemoryTransactions transactions, OrderBook orders) {
        this.transactions = transactions;
        this.orders = orders;
    }

    @Override
    public void start(List<Subscription> subscriptions) {
        transactions.inTransaction(() -> {
            for (Subscription subscription : subscriptions) {
                if (byId.containsKey(subscription.id()) || byId.values().stream().anyMatch(s ->
                        s.orderId().equals(subscription.orderId()) && s.lineItemNumber() == subscription.lineItemNumber())) {
                    throw new IllegalStateException("subscription " + subscription.id() + " is already stored");
                }
                if (!orders.hasLine(subscription.orderId(), subscription.lineItemNumber())) {
                    throw new IllegalStateException("no order line " + subscription.orderId() + "/" + subscription.lineItemNumber());
                }
                transactions.change(() -> byId.put(subscription.id(), subscription), () -> byId.remove(subscription.id()));
            }
            return null;
        });
    }

    @Override
    public Optional<Stored> find(String customerTenantId, String subscriptionId) {
        return transactions.read(() -> Optional.ofNullable(byId.get(subscriptionId))
                .filter(s -> s.customerTenantId().equals(customerTenantId)).map(this::stored));
    }

    @Override
    public List<Stored> page(String customerTenantId, Optional<Cursor> after, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return transactions.read(() -> byId.values().stream()
                .filter(s -> s.customerTenantId().equals(customerTenantId))
                .filter(s -> after.map(cursor -> s.createdAt().isBefore(cursor.createdAt())
                        || s.createdAt().equals(cursor.createdAt()) && s.id().compareTo(cursor.subscriptionId()) < 0).orElse(true))
                .sorted(NEWEST_FIRST).limit(limit).map(this::stored).toList());
    }

    /** Every subscription as stored with its line, for the view across customers (read inside a unit of work). */
    List<Stored> all() {
        return transactions.read(() -> byId.values().stream().map(this::stored).toList());
    }

    @Override
    public long count(String customerTenantId) {
        return transactions.read(() -> byId.values().stream().filter(s -> s.customerTenantId().equals(customerTenantId)).count());
    }

    @Override
    public List<Stored> due(Instant now, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return transactions.read(() -> byId.values().stream()
                .filter(s -> s.status() == SubscriptionStatus.ACTIVE && !s.termEnd().isAfter(now))
                .sorted(Comparator.comparing(Subscription::termEnd).thenComparing(Subscription::id))
                .limit(limit).map(this::stored).toList());
    }

    @Override
    public boolean replace(Subscription before, Subscription after) {
        if (!before.id().equals(after.id())) {
            throw new IllegalArgumentException("a subscription is replaced by itself changed: " + before.id() + " " + after.id());
        }
        return transactions.inTransaction(() -> {
            Subscription stored = byId.get(before.id());
            if (stored == null || stored.termNumber() != before.termNumber() || stored.status() != before.status()
                    || stored.autoRenew() != before.autoRenew()) {
                return false;
            }
            transactions.change(() -> byId.put(after.id(), after), () -> byId.put(stored.id(), stored));
            return true;
        });
    }

    private Stored stored(Subscription subscription) {
        Orders.StoredOrder order = orders.find(subscription.customerTenantId(), subscription.orderId())
                .orElseThrow(() -> new IllegalStateException("subscription " + subscription.id() + " without its order"));
        Orders.StoredLine line = order.lines().stream().filter(l -> l.lineItemNumber() == subscription.lineItemNumber())
                .findFirst().orElseThrow();
        return new Stored(subscription, line.offerId(), line.friendlyName(), line.quantity(), order.billingCycle(),
                line.status() == LineStatus.CANCELLED);
    }
}
