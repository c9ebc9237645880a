package com.cspdesk.domain.cancellation;

import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Spec "Post-cancellation details": perpetual software gets a 100 % credit, subscriptions and reservations a prorated credit, with no early termination fee.
 *
 * <p>Proration is by remaining whole days of the term: {@code remaining / termDays}, where
 * <ul>
 *   <li>{@code termDays} runs from the purchase date to the same date 1 or 3 years later, by the UTC calendar
 *       (365 or 366 days for P1Y, 1095 or 1096 for P3Y);</li>
 *   <li>{@code used} is the number of whole 24-hour days elapsed since the purchase instant; a day that has
 *       started is not yet used, so it is credited (in the customer's favour); a {@code now} before the
 *       purchase counts as 0 days used;</li>
 *   <li>{@code remaining = max(0, termDays - used)}.</li>
 * </ul>
 * Gross and tax are prorated alike ({@link PriceQuote#share}) so tax is reversed in the same proportion and
 * {@code net + tax == gross}. No credit exceeds what was charged minus what was already credited.
 * Software plans are never cancellable, so their credit is zero.
 */
public final class CancellationCredit {

    /** The credit if the purchase were cancelled at {@code now}; does not decide whether it may be. */
    public PriceQuote creditFor(Purchase purchase, Instant now) {
        Objects.requireNonNull(purchase, "purchase");
        Objects.requireNonNull(now, "now");
        PriceQuote credit = switch (purchase.kind().contractType()) {
            case PERPETUAL -> purchase.charged();
            case SUBSCRIPTION, RESERVATION -> purchase.charged().share(remainingShareOfTerm(purchase, now));
            case SOFTWARE_PLAN -> PriceQuote.zero(purchase.charged().currency());
        };
        return credit.cappedAt(purchase.creditable());
    }

    /** The share of the term still to come at {@code now}: remaining whole days over term days. */
    public Proportion remainingShareOfTerm(Purchase purchase, Instant now) {
        TermDuration term = purchase.term();
        if (!term.hasTerm()) {
            return Proportion.ALL;
        }
        long termDays = term.daysFrom(LocalDate.ofInstant(purchase.purchasedAt(), ZoneOffset.UTC));
        long used = Math.max(0, Duration.between(purchase.purchasedAt(), now).toDays());
        return Proportion.of(Math.max(0, termDays - used), termDays);
    }
}
