package com.cspdesk.domain.cancellation;

import com.cspdesk.domain.money.PriceQuote;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link CancellationPolicy}: what Partner Center shows under the order number drop-down
 * (spec "Cancel a purchase"): cancellable with days remaining and the credit, past the window, not
 * cancellable at all, or only through a customer support request.
 */
public sealed interface CancellationDecision {

    boolean cancellable();

    /** Why not, when not cancellable. */
    Optional<CancellationRefusal> refusal();

    /** The last instant at which the purchase may be cancelled; empty for kinds that are never cancellable. */
    Optional<Instant> windowEnd();

    /** Whole days left as {@link CancellationPolicy#daysRemaining} counts them; 0 when nothing remains to do. */
    long daysRemaining();

    default boolean supportRequestRequired() {
        return refusal().filter(CancellationRefusal.SUPPORT_REQUEST_REQUIRED::equals).isPresent();
    }

    /** May be cancelled now, for this credit. */
    record Cancellable(Instant windowEndsAt, long daysRemaining, PriceQuote credit) implements CancellationDecision {
        public Cancellable {
            Objects.requireNonNull(windowEndsAt, "windowEndsAt");
            Objects.requireNonNull(credit, "credit");
        }

        @Override
        public boolean cancellable() {
            return true;
        }

        @Override
        public Optional<CancellationRefusal> refusal() {
            return Optional.empty();
        }

        @Override
        public Optional<Instant> windowEnd() {
            return Optional.of(windowEndsAt);
        }
    }

    /** May not be cancelled, for {@code reason}; a support request would not help either. */
    record NotCancellable(CancellationRefusal reason, Optional<Instant> windowEndsAt, long daysRemaining)
            implements CancellationDecision {
        public NotCancellable {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(windowEndsAt, "windowEndsAt");
            if (reason == CancellationRefusal.SUPPORT_REQUEST_REQUIRED) {
                throw new IllegalArgumentException("use SupportRequestRequired");
            }
        }

        @Override
        public boolean cancellable() {
            return false;
        }

        @Override
        public Optional<CancellationRefusal> refusal() {
            return Optional.of(reason);
        }

        @Override
        public Optional<Instant> windowEnd() {
            return windowEndsAt;
        }
    }

    /**
     * Spec "Submit a customer support request to cancel a purchase": within the window but not by self-service;
     * {@code credit} is the amount to put in the request's "Amount requested".
     */
    record SupportRequestRequired(Instant windowEndsAt, long daysRemaining, PriceQuote credit) implements CancellationDecision {
        public SupportRequestRequired {
            Objects.requireNonNull(windowEndsAt, "windowEndsAt");
            Objects.requireNonNull(credit, "credit");
        }

        @Override
        public boolean cancellable() {
            return false;
        }

        @Override
        public Optional<CancellationRefusal> refusal() {
            return Optional.of(CancellationRefusal.SUPPORT_REQUEST_REQUIRED);
        }

        @Override
        public Optional<Instant> windowEnd() {
            return Optional.of(windowEndsAt);
        }
    }
}
