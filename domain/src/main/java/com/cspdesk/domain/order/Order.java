package com.cspdesk.domain.order;

import com.cspdesk.domain.cancellation.CancellationDecision;
import com.cspdesk.domain.money.PriceQuote;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Spec "Cancel a purchase" and "Post-cancellation details": an order of one customer, its lines and its lifecycle.
 *
 * <p>Status is derived, never set: {@link OrderStatus#PENDING} until provisioned ({@link #complete()}),
 * then {@link OrderStatus#COMPLETED}, and {@link OrderStatus#CANCELLED} only once every line is cancelled.
 * Lines are cancelled through {@link #cancel(Map, Instant)} with the {@link CancellationDecision}s the
 * cancellation policy gave for them; a refusal of any line refuses the whole request and changes nothing.
 * Only a completed order's lines can be cancelled: a pending order is still being provisioned.
 * Orders are immutable: every transition returns an {@link OrderChange} holding the new order.
 *
 * <p>What happens to a cancelled line's product key and download links is decided by the
 * cancellation use case and stored by its ports (the entitlement is revoked); the aggregate
 * holds only what its transitions need.
 */
public final class Order {

    private final OrderId id;
    private final String referenceCustomerId;
    private final Currency currency;
    private final Instant createdAt;
    private final boolean provisioned;
    private final SortedMap<Integer, OrderLine> lines;

    private Order(OrderId id, String referenceCustomerId, Instant createdAt, boolean provisioned, Collection<? extends OrderLine> lines) {
        this.id = Objects.requireNonNull(id, "id");
        this.referenceCustomerId = Objects.requireNonNull(referenceCustomerId, "referenceCustomerId");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.provisioned = provisioned;
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        SortedMap<Integer, OrderLine> byNumber = new TreeMap<>();
        for (OrderLine line : lines) {
            if (byNumber.put(line.lineItemNumber(), line) != null) {
                throw new IllegalArgumentException("line item number used twice: " + line.lineItemNumber());
            }
        }
        this.currency = byNumber.get(byNumber.firstKey()).charged().currency();
        for (OrderLine line : byNumber.values()) {
            if (!line.charged().currency().equals(currency)) {
                throw new IllegalArgumentException("an order has one currency: " + currency + " and " + line.charged().currency());
            }
        }
        if (!provisioned && byNumber.values().stream().anyMatch(line -> line instanceof CancelledLine)) {
            throw new IllegalArgumentException("a pending order has no cancelled lines");
        }
        this.lines = byNumber;
    }

    /** A new order, pending until provisioned. */
    public static Order place(OrderId id, String referenceCustomerId, Instant createdAt, List<ActiveLine> lines) {
        return new Order(id, referenceCustomerId, createdAt, false, lines);
    }

    /** An order as it was stored, lines in any state (for persistence to rebuild it). */
    public static Order restore(OrderId id, String referenceCustomerId, Instant createdAt, boolean provisioned, List<? extends OrderLine> lines) {
        return new Order(id, referenceCustomerId, createdAt, provisioned, lines);
    }

    public OrderId id() {
        return id;
    }

    public String referenceCustomerId() {
        return referenceCustomerId;
    }

    public Currency currency() {
        return currency;
    }

    /** The purchase instant of every line: cancellation windows and proration count from here. */
    public Instant createdAt() {
        return createdAt;
    }

    public OrderStatus status() {
        if (lines.values().stream().allMatch(line -> line instanceof CancelledLine)) {
            return OrderStatus.CANCELLED;
        }
        return provisioned ? OrderStatus.COMPLETED : OrderStatus.PENDING;
    }

    /** What the order charged: the sum of its lines' rounded quotes, cancelled lines included. */
    public PriceQuote totals() {
        return PriceQuote.total(currency, lines.values().stream().map(OrderLine::charged).toList());
    }

    /** Provisioning finished: pending → completed. */
    public OrderChange complete() {
        return switch (status()) {
            case PENDING -> new OrderChange.Applied(new Order(id, referenceCustomerId, createdAt, true, lines.values()));
            case COMPLETED -> OrderChange.Refused.of(OrderRefusal.ALREADY_COMPLETED);
            case CANCELLED -> OrderChange.Refused.of(OrderRefusal.ALREADY_CANCELLED);
        };
    }

    /**
     * Cancels the lines named in {@code decisions} (line item number → the policy's decision for that line) at
     * {@code now}. Every named line must exist, be active and have a {@link CancellationDecision.Cancellable}
     * decision whose window has not closed by {@code now} and whose credit is within what the line was
     * charged (an active line has had no credit yet); otherwise nothing is cancelled and the first offending
     * line (by number) is reported.
     */
    public OrderChange cancel(Map<Integer, ? extends CancellationDecision> decisions, Instant now) {
        Objects.requireNonNull(decisions, "decisions");
        Objects.requireNonNull(now, "now");
        if (decisions.isEmpty()) {
            return OrderChange.Refused.of(OrderRefusal.NO_LINE_ITEMS);
        }
        if (status() == OrderStatus.PENDING) {
            return OrderChange.Refused.of(OrderRefusal.ORDER_PENDING);
        }
        SortedMap<Integer, OrderLine> changed = new TreeMap<>(lines);
        for (Map.Entry<Integer, ? extends CancellationDecision> entry : new TreeMap<>(decisions).entrySet()) {
            int number = entry.getKey();
            OrderLine line = lines.get(number);
            if (line == null) {
                return OrderChange.Refused.onLine(OrderRefusal.UNKNOWN_LINE_ITEM, number);
            }
            if (!(line instanceof ActiveLine active)) {
                return OrderChange.Refused.onLine(OrderRefusal.ALREADY_CANCELLED, number);
            }
            CancellationDecision decision = Objects.requireNonNull(entry.getValue(), "decision for line " + number);
            if (!(decision instanceof CancellationDecision.Cancellable cancellable)) {
                return OrderChange.Refused.onLine(OrderRefusal.from(decision.refusal().orElseThrow()), number);
            }
            if (now.isAfter(cancellable.windowEndsAt())) {
                return OrderChange.Refused.onLine(OrderRefusal.CANCELLATION_WINDOW_PASSED, number);
            }
            if (!cancellable.credit().isWithin(active.charged())) {
                return OrderChange.Refused.onLine(OrderRefusal.CREDIT_EXCEEDS_CHARGE, number);
            }
            changed.put(number, active.cancel(cancellable.credit(), now));
        }
        return new OrderChange.Applied(new Order(id, referenceCustomerId, createdAt, provisioned, changed.values()));
    }

    @Override
    public String toString() {
        return "Order[" + id + ", " + status().code() + ", " + lines.size() + " lines]";
    }
}
