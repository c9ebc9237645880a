package com.cspdesk.application.subscriptions.port.in;

import com.cspdesk.domain.money.PriceQuote;

import java.time.Instant;
import java.util.Optional;

/**
 * A subscription as the API and the dashboard show it (Partner Center's Subscription where it fits):
 * its current term ({@code termNumber} 1 is the purchase; {@code termEnd} is PC's
 * {@code commitmentEndDate}), auto-renew, status ({@code active}, {@code expired}, {@code cancelled}), what a
 * term costs, and whether the current renewal may be cancelled now and for what credit.
 */
public record SubscriptionView(String id, String customerTenantId, String orderId, int lineItemNumber, String offerId,
                               String friendlyName, int quantity, String status, boolean autoRenewEnabled,
                               String termDuration, String billingCycle, Instant creationDate, int termNumber,
                               Instant termStart, Instant termEnd, PriceQuote chargePerTerm,
                               RenewalCancellation renewalCancellation) {

    /**
     * Whether the current renewal may be cancelled now: when yes, until when and for what credit; when
     * not, why ({@code not_renewed}, {@code renewal_cancellation_window_passed}, {@code subscription_expired} …).
     */
    public record RenewalCancellation(boolean cancellable, Optional<String> reason, Optional<Instant> windowEndsAt,
                                      long daysRemaining, Optional<PriceQuote> credit) {
    }
}
