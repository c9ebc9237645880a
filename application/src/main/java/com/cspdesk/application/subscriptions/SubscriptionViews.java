package com.cspdesk.application.subscriptions;

import com.cspdesk.application.subscriptions.port.in.SubscriptionView;
import com.cspdesk.application.subscriptions.port.out.Subscriptions;
import com.cspdesk.domain.subscription.RenewalCancellationPolicy;
import com.cspdesk.domain.subscription.Subscription;

import java.time.Instant;
import java.util.Optional;

/** A stored subscription as it reads: cancelled once its order line is, with what cancelling its renewal would do now. */
public final class SubscriptionViews {

    private SubscriptionViews() {
    }

    /** The subscription as it stands: a line cancelled through its order (term 1) has ended the subscription too. */
    static Subscription effective(Subscriptions.Stored stored) {
        Subscription subscription = stored.subscription();
        return stored.lineCancelled() && subscription.ended().isEmpty() ? subscription.cancelled() : subscription;
    }

    public static SubscriptionView view(Subscriptions.Stored stored, RenewalCancellationPolicy policy, Instant now) {
        Subscription subscription = effective(stored);
        return new SubscriptionView(subscription.id(), subscription.customerTenantId(), subscription.orderId(),
                subscription.lineItemNumber(), stored.offerId(), stored.friendlyName(), stored.quantity(),
                subscription.status().code(), subscription.autoRenew(), subscription.term().code().orElseThrow(),
                stored.billingCycle(), subscription.createdAt(), subscription.termNumber(), subscription.termStart(),
                subscription.termEnd(), subscription.chargePerTerm(), renewalCancellation(policy.decide(subscription, now)));
    }

    private static SubscriptionView.RenewalCancellation renewalCancellation(RenewalCancellationPolicy.Decision decision) {
        if (decision instanceof RenewalCancellationPolicy.Decision.Cancellable cancellable) {
            return new SubscriptionView.RenewalCancellation(true, Optional.empty(), Optional.of(cancellable.windowEndsAt()),
                    cancellable.daysRemaining(), Optional.of(cancellable.credit()));
        }
        RenewalCancellationPolicy.Decision.Refused refused = (RenewalCancellationPolicy.Decision.Refused) decision;
        return new SubscriptionView.RenewalCancellation(false, Optional.of(refused.reason().code()), refused.windowEndsAt(), 0,
                Optional.empty());
    }
}
