package com.cspdesk.domain.subscription;

import com.cspdesk.domain.cancellation.CancellationDecision;
import com.cspdesk.domain.cancellation.CancellationPolicy;
import com.cspdesk.domain.cancellation.CancellationRefusal;
import com.cspdesk.domain.cancellation.Purchase;
import com.cspdesk.domain.money.PriceQuote;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a renewal may be cancelled now, and for what credit. A renewal is judged as the purchase
 * it is: a {@link Purchase} of the subscription's kind and term made at the renewal instant (the
 * term's start) for the term's charge — so the window (60 days by default, configurable as for
 * purchases) and the prorated credit ({@code CancellationCredit}: remaining whole days of the term)
 * are the purchase's one rule. Checked in this order: ended ({@code subscription_expired},
 * {@code subscription_cancelled}); still in the first term ({@code not_renewed}: cancelling that is
 * cancelling the purchase); past the window ({@code renewal_cancellation_window_passed}).
 */
public final class RenewalCancellationPolicy {

    private final CancellationPolicy purchases;

    /** @param purchases the purchase's cancellation rule, with the windows renewals are to have */
    public RenewalCancellationPolicy(CancellationPolicy purchases) {
        this.purchases = Objects.requireNonNull(purchases, "purchases");
    }

    public Decision decide(Subscription subscription, Instant now) {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(now, "now");
        Optional<SubscriptionRefusal> ended = subscription.ended();
        if (ended.isPresent()) {
            return new Decision.Refused(ended.get(), Optional.empty());
        }
        if (!subscription.isRenewal()) {
            return new Decision.Refused(SubscriptionRefusal.NOT_RENEWED, Optional.empty());
        }
        CancellationDecision decision = purchases.decide(renewalAsPurchase(subscription), now);
        if (decision instanceof CancellationDecision.Cancellable cancellable) {
            return new Decision.Cancellable(cancellable.windowEndsAt(), cancellable.daysRemaining(), cancellable.credit(),
                    subscription.cancelled());
        }
        if (decision.refusal().filter(CancellationRefusal.WINDOW_PASSED::equals).isEmpty()) {
            throw new IllegalStateException("a renewal is refused only for its window: " + decision);
        }
        return new Decision.Refused(SubscriptionRefusal.RENEWAL_CANCELLATION_WINDOW_PASSED, decision.windowEnd());
    }

    /** The renewal as a purchase made at the term's start for the term's charge, nothing credited yet. */
    static Purchase renewalAsPurchase(Subscription subscription) {
        return Purchase.of(subscription.kind(), subscription.term(), subscription.termStart(), subscription.chargePerTerm());
    }

    /** The answer: cancellable (until when, days left, the credit, the cancelled subscription) or refused. */
    public sealed interface Decision {

        boolean cancellable();

        record Cancellable(Instant windowEndsAt, long daysRemaining, PriceQuote credit, Subscription cancelled)
                implements Decision {
            @Override
            public boolean cancellable() {
                return true;
            }
        }

        record Refused(SubscriptionRefusal reason, Optional<Instant> windowEndsAt) implements Decision {
            @Override
            public boolean cancellable() {
                return false;
            }
        }
    }
}
