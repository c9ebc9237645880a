package com.cspdesk.domain.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How long a sign-in must wait after failed ones, so passwords cannot be guessed at speed: the
 * first {@link #freeFailures()} failures cost nothing, each further one doubles the wait before the
 * next attempt, starting at {@link #firstBackOff()} and capped at {@link #longestBackOff()}. Failures
 * are forgotten after {@link #memory()} without one (the count starts again at 1). Counted per
 * account ({@link #PER_ACCOUNT}) and per client address ({@link #PER_ADDRESS}, which allows more:
 * many people may sign in from behind one address).
 */
public record SignInThrottle(int freeFailures, Duration firstBackOff, Duration longestBackOff, Duration memory) {

    /** An account: 5 free failures, then 15 s, 30 s, 1 min, … at most 15 min; forgotten after a quiet day. */
    public static final SignInThrottle PER_ACCOUNT =
            new SignInThrottle(5, Duration.ofSeconds(15), Duration.ofMinutes(15), Duration.ofHours(24));
    /**
     * A client address: 20 free failures (an office behind one NAT mistypes too), then the same
     * growth; forgotten after a quiet hour, so one bad morning does not lock an office out all day.
     */
    public static final SignInThrottle PER_ADDRESS =
            new SignInThrottle(20, Duration.ofSeconds(15), Duration.ofMinutes(15), Duration.ofHours(1));

    public SignInThrottle {
        Objects.requireNonNull(firstBackOff, "firstBackOff");
        Objects.requireNonNull(longestBackOff, "longestBackOff");
        Objects.requireNonNull(memory, "memory");
        if (freeFailures < 0 || firstBackOff.isNegative() || firstBackOff.isZero()
                || longestBackOff.compareTo(firstBackOff) < 0 || memory.compareTo(longestBackOff) < 0) {
            throw new IllegalArgumentException("free failures ≥ 0 and 0 < first back-off ≤ longest back-off ≤ memory");
        }
    }

    /** The wait after {@code count} failures in a row before the next attempt: zero while they are free. */
    public Duration backOffAfter(int count) {
        int doublings = count - freeFailures - 1;
        if (doublings < 0) {
            return Duration.ZERO;
        }
        // 2^doublings of the first back-off, without overflowing: stop doubling once past the cap.
        Duration wait = firstBackOff;
        for (int i = 0; i < doublings && wait.compareTo(longestBackOff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longestBackOff) > 0 ? longestBackOff : wait;
    }

    /**
     * How long an attempt made {@code now} must still wait, or empty when it may be made: the
     * back-off since the last failure has passed, or the failures are forgotten.
     */
    public Optional<Duration> waitBefore(Optional<FailedSignIns> failures, Instant now) {
        if (failures.isEmpty() || forgotten(failures.get(), now)) {
            return Optional.empty();
        }
        Instant allowedFrom = failures.get().lastFailure().plus(backOffAfter(failures.get().count()));
        return now.isBefore(allowedFrom) ? Optional.of(Duration.between(now, allowedFrom)) : Optional.empty();
    }

    /** Failures whose last one is {@link #memory()} or longer ago no longer count. */
    public boolean forgotten(FailedSignIns failures, Instant now) {
        return !failures.lastFailure().plus(memory).isAfter(now);
    }

    /** The instant before which a stored count is forgotten: a failure recorded now starts again at 1. */
    public Instant forgetsBefore(Instant now) {
        return now.minus(memory);
    }

    /** Whether the failure that brought the count to {@code count} is the one that starts the back-off (a lock-out). */
    public boolean locksOutAt(int count) {
        return count == freeFailures + 1;
    }
}
