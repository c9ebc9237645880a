package com.cspdesk.application.subscriptions.port.out;

import com.cspdesk.domain.subscription.Subscription;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored subscriptions (issue #16), always addressed through their customer's tenant, with what
 * their order line says of them (offer, name, quantity, billing cycle, whether the line was cancelled).
 * A change is a compare-and-set on the state it was decided from: two instances never apply two
 * changes decided from the same state (one renewal of a term, never two).
 */
public interface Subscriptions {

    Optional<Stored> find(String customerTenantId, String subscriptionId);

    /** Newest first (creation date, then id, both descending), after {@code after} (exclusive). */
    List<Stored> page(String customerTenantId, Optional<Cursor> after, int limit);

    long count(String customerTenantId);

    /** Active subscriptions whose term has ended at {@code now} (term end ≤ now), earliest end first. */
    List<Stored> due(Instant now, int limit);

    /**
     * Writes {@code after} if the stored subscription is still as {@code before} (term number, status,
     * auto-renew); answers whether it was (false: someone else changed it first, nothing written).
     */
    boolean replace(Subscription before, Subscription after);

    record Stored(Subscription subscription, String offerId, String friendlyName, int quantity, String billingCycle,
                  boolean lineCancelled) {
    }

    record Cursor(Instant createdAt, String subscriptionId) {
    }
}
