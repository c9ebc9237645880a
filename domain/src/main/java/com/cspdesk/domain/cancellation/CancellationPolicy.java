package com.cspdesk.domain.cancellation;

import com.cspdesk.domain.money.PriceQuote;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Spec "Cancel a purchase": a purchase may be cancelled within its window (60 days by default) for a credit, never a SUSE/Red Hat plan, never twice.
 *
 * <p>Rules, in the order they are checked:
 * <ol>
 *   <li>already cancelled: {@link CancellationRefusal#ALREADY_CANCELLED};</li>
 *   <li>a SUSE Linux or Red Hat software plan: {@link CancellationRefusal#NOT_CANCELLABLE};</li>
 *   <li>the window: cancellable while {@code now <= purchasedAt + window}, in UTC instants. With the
 *       default 60 days the last instant inside is exactly {@code purchasedAt + 60 × 24 h}; one nanosecond
 *       later is {@link CancellationRefusal#WINDOW_PASSED};</li>
 *   <li>the credit, from {@link CancellationCredit} (no early termination fee);</li>
 *   <li>Azure reservations only: above the {@link ReservationRefundLimit} the answer is
 *       {@link CancellationDecision.SupportRequestRequired}.</li>
 * </ol>
 */
public final class CancellationPolicy {

    private final CancellationWindows windows;
    private final CancellationCredit credit;
    private final ReservationRefundLimit reservationRefundLimit;

    public CancellationPolicy(CancellationWindows windows, CancellationCredit credit, ReservationRefundLimit reservationRefundLimit) {
        this.windows = Objects.requireNonNull(windows, "windows");
        this.credit = Objects.requireNonNull(credit, "credit");
        this.reservationRefundLimit = Objects.requireNonNull(reservationRefundLimit, "reservationRefundLimit");
    }

    /** The spec's 60-day windows and Microsoft's 50,000 USD reservation refund limit. */
    public static CancellationPolicy asInSpec() {
        return new CancellationPolicy(CancellationWindows.asInSpec(), new CancellationCredit(), ReservationRefundLimit.asMicrosoftDoes());
    }

    /**
     * Decides a purchase that is not an Azure reservation.
     *
     * @throws IllegalArgumentException for an Azure reservation: those need the customer's refunds,
     *                                  see {@link #decide(Purchase, Instant, ReservationRefunds)}
     */
    public CancellationDecision decide(Purchase purchase, Instant now) {
        if (purchase.kind().isAzureReservation()) {
            throw new IllegalArgumentException("an Azure reservation needs the customer's refunds of the last 12 months");
        }
        return decide(purchase, now, null);
    }

    /**
     * Decides any purchase at {@code now}. For Azure reservations {@code refunds} carries the USD equivalents
     * of the refunds of the last 12 months and of this credit (compute the credit first with
     * {@link CancellationCredit#creditFor}); for other kinds it is ignored and may be null.
     */
    public CancellationDecision decide(Purchase purchase, Instant now, ReservationRefunds refunds) {
        Objects.requireNonNull(purchase, "purchase");
        Objects.requireNonNull(now, "now");
        Optional<Instant> windowEnd = windowEndOf(purchase);
        if (purchase.alreadyCancelled()) {
            return new CancellationDecision.NotCancellable(CancellationRefusal.ALREADY_CANCELLED, windowEnd, 0);
        }
        if (windowEnd.isEmpty()) {
            return new CancellationDecision.NotCancellable(CancellationRefusal.NOT_CANCELLABLE, windowEnd, 0);
        }
        Instant windowEndsAt = windowEnd.get();
        if (now.isAfter(windowEndsAt)) {
            return new CancellationDecision.NotCancellable(CancellationRefusal.WINDOW_PASSED, windowEnd, 0);
        }
        long daysRemaining = daysRemaining(now, windowEndsAt);
        PriceQuote creditNow = credit.creditFor(purchase, now);
        if (purchase.kind().isAzureReservation()) {
            Objects.requireNonNull(refunds, "an Azure reservation needs the customer's refunds of the last 12 months");
            if (!reservationRefundLimit.allowsSelfService(refunds)) {
                return new CancellationDecision.SupportRequestRequired(windowEndsAt, daysRemaining, creditNow);
            }
        }
        return new CancellationDecision.Cancellable(windowEndsAt, daysRemaining, creditNow);
    }

    /** The last instant at which the purchase may be cancelled: purchase instant plus the kind's window; empty for software plans. */
    public Optional<Instant> windowEndOf(Purchase purchase) {
        Optional<Duration> window = windows.windowFor(purchase.kind());
        return window.map(purchase.purchasedAt()::plus);
    }

    /**
     * Whole days remaining as a person reads them: calendar days in UTC from today to the window's last day.
     * On the last day it is 0 ("today is the last day": still cancellable until {@code windowEndsAt});
     * the day before, 1; right after a purchase with the 60-day window, 60. After the window, 0.
     */
    public static long daysRemaining(Instant now, Instant windowEndsAt) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate lastDay = LocalDate.ofInstant(windowEndsAt, ZoneOffset.UTC);
        return Math.max(0, ChronoUnit.DAYS.between(today, lastDay));
    }
}
