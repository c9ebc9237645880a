package com.cspdesk.domain.subscription;

import com.cspdesk.domain.money.PriceQuote;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What happens to a subscription when its term ends (Partner Center's auto-renew): at or after the
 * term's end an active subscription with auto-renew starts its next term exactly at the old end, for
 * the same charge as a term cost when bought; without auto-renew it expires at the term's end. One
 * transition at a time: a subscription several terms overdue (a clock moved years) renews term by
 * term, each term charged, until its current term is one that has not ended. Nothing happens before
 * the end, nor to an expired or cancelled subscription.
 */
public final class RenewalPolicy {

    /** The next transition due at {@code now}, if any. */
    public Optional<Transition> due(Subscription subscription, Instant now) {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(now, "now");
        if (subscription.status() != SubscriptionStatus.ACTIVE || now.isBefore(subscription.termEnd())) {
            return Optional.empty();
        }
        if (subscription.autoRenew()) {
            return Optional.of(new Transition.Renewal(subscription, subscription.renewed(), subscription.chargePerTerm()));
        }
        return Optional.of(new Transition.Expiry(subscription, subscription.withStatus(SubscriptionStatus.EXPIRED)));
    }

    /** A term's end: renewed (with the new term's charge) or expired. */
    public sealed interface Transition {

        Subscription before();

        Subscription after();

        /** The next term, starting at the old term's end, charged {@code charge}. */
        record Renewal(Subscription before, Subscription after, PriceQuote charge) implements Transition {
        }

        /** Ended without renewal at the term's end. */
        record Expiry(Subscription before, Subscription after) implements Transition {
        }
    }
}
