package com.cspdesk.domain.subscription;

import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.PriceQuote;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * A Windows Server or SQL Server subscription: one order line of contract type subscription, with its
 * current term. Term 1 is the purchase; each renewal starts the next term exactly at the previous
 * term's end. A term ends at its start plus the term's years by the UTC calendar, at the same time of
 * day ({@link TermDuration#endAfter}: a term starting on 29 February ends on 28 February).
 * Auto-renew is on when bought, as in Partner Center. Every term costs what the purchase cost
 * ({@code chargePerTerm}: the line's net, tax and gross, a snapshot of the price when bought).
 *
 * @param id the subscription's id, a GUID made at purchase
 */
public record Subscription(
        String id,
        String customerTenantId,
        String orderId,
        int lineItemNumber,
        ProductKind kind,
        TermDuration term,
        PriceQuote chargePerTerm,
        Instant createdAt,
        int termNumber,
        Instant termStart,
        Instant termEnd,
        boolean autoRenew,
        SubscriptionStatus status) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerTenantId, "customerTenantId");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(chargePerTerm, "chargePerTerm");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(termStart, "termStart");
        Objects.requireNonNull(termEnd, "termEnd");
        Objects.requireNonNull(status, "status");
        if (!isSubscription(kind) || !kind.isSoldWith(term)) {
            throw new IllegalArgumentException(kind + " with term " + term + " is not a subscription");
        }
        if (termNumber < 1) {
            throw new IllegalArgumentException("terms are numbered from 1: " + termNumber);
        }
        if (!termEnd.equals(endOfTerm(term, termStart))) {
            throw new IllegalArgumentException("a " + term + " term from " + termStart + " ends at " + endOfTerm(term, termStart));
        }
    }

    /** Whether lines of this kind are subscriptions (Windows Server and SQL Server subscriptions). */
    public static boolean isSubscription(ProductKind kind) {
        return kind.contractType() == ContractType.SUBSCRIPTION;
    }

    /** The subscription a purchase starts: term 1 from the purchase instant, auto-renew on, active. */
    public static Subscription purchased(String id, String customerTenantId, String orderId, int lineItemNumber,
                                         ProductKind kind, TermDuration term, PriceQuote charged, Instant purchasedAt) {
        if (!isSubscription(kind)) {
            throw new IllegalArgumentException(kind + " is not a subscription");
        }
        return new Subscription(id, customerTenantId, orderId, lineItemNumber, kind, term, charged, purchasedAt, 1,
                purchasedAt, endOfTerm(term, purchasedAt), true, SubscriptionStatus.ACTIVE);
    }

    /** The end of a term starting at {@code start}: the same UTC time of day, {@code term}'s years later by the calendar. */
    public static Instant endOfTerm(TermDuration term, Instant start) {
        LocalDateTime at = LocalDateTime.ofInstant(start, ZoneOffset.UTC);
        return term.endAfter(at.toLocalDate()).atTime(at.toLocalTime()).toInstant(ZoneOffset.UTC);
    }

    /** The next term, starting exactly at this term's end. */
    Subscription renewed() {
        return new Subscription(id, customerTenantId, orderId, lineItemNumber, kind, term, chargePerTerm, createdAt,
                termNumber + 1, termEnd, endOfTerm(term, termEnd), autoRenew, status);
    }

    Subscription withStatus(SubscriptionStatus changed) {
        return new Subscription(id, customerTenantId, orderId, lineItemNumber, kind, term, chargePerTerm, createdAt,
                termNumber, termStart, termEnd, autoRenew, changed);
    }

    /** Auto-renew switched; refused once the subscription has ended. */
    public Change switchAutoRenew(boolean on) {
        Optional<SubscriptionRefusal> ended = ended();
        if (ended.isPresent()) {
            return new Change.Refused(ended.get());
        }
        return new Change.Applied(new Subscription(id, customerTenantId, orderId, lineItemNumber, kind, term, chargePerTerm,
                createdAt, termNumber, termStart, termEnd, on, status));
    }

    /** Cancelled: its purchase was cancelled (term 1), or its renewal within the window. */
    public Subscription cancelled() {
        return withStatus(SubscriptionStatus.CANCELLED);
    }

    /** Why nothing about it changes any more, when it has ended. */
    public Optional<SubscriptionRefusal> ended() {
        return switch (status) {
            case ACTIVE -> Optional.empty();
            case EXPIRED -> Optional.of(SubscriptionRefusal.SUBSCRIPTION_EXPIRED);
            case CANCELLED -> Optional.of(SubscriptionRefusal.SUBSCRIPTION_CANCELLED);
        };
    }

    /** Whether the current term is a renewal (term 2 or later), not the purchase's. */
    public boolean isRenewal() {
        return termNumber > 1;
    }

    /** A change asked of a subscription: applied (the changed subscription) or refused with a reason. */
    public sealed interface Change {
        record Applied(Subscription subscription) implements Change {
        }

        record Refused(SubscriptionRefusal reason) implements Change {
        }
    }
}
