package com.cspdesk.domain.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed webhook delivery is tried again, when it is given up, and when a registration that
 * keeps failing is switched off (issue #15 item 4). All on the product's clock, so the sandbox's
 * time travel moves retries as it moves everything else.
 *
 * <ul>
 *   <li>Retries back off exponentially: {@value #FIRST_DELAY_SECONDS} s after the first failure,
 *       doubling each time, never more than an hour apart, each delay scaled by a jitter factor
 *       between 0.75 and 1.25 so that receivers coming back are not hit by every sender at once.</li>
 *   <li>A delivery is retried for at least {@link #RETRY_FOR} (24 h) from its first attempt: it is
 *       given up only after an attempt that fails when that much time has passed.</li>
 *   <li>A registration whose deliveries have failed without a single success for
 *       {@link #DISABLE_AFTER} (5 days) is switched off, and says so, until the partner changes it.</li>
 * </ul>
 */
public final class DeliveryRetryPolicy {

    public static final long FIRST_DELAY_SECONDS = 5;
    public static final Duration LONGEST_DELAY = Duration.ofHours(1);
    public static final Duration RETRY_FOR = Duration.ofHours(24);
    public static final Duration DISABLE_AFTER = Duration.ofDays(5);
    static final double LEAST_JITTER = 0.75;
    static final double JITTER_RANGE = 0.5;

    private DeliveryRetryPolicy() {
    }

    /**
     * When to try again after failed attempt number {@code attempts} (from 1) at {@code failedAt} of a
     * delivery first attempted at {@code firstAttemptAt}; empty when it is given up.
     *
     * @param jitter a random number in [0, 1): 0 gives the shortest delay, towards 1 the longest
     */
    public static Optional<Instant> nextAttempt(int attempts, Instant firstAttemptAt, Instant failedAt, double jitter) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts start at 1: " + attempts);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter is in [0, 1): " + jitter);
        }
        if (!failedAt.isBefore(firstAttemptAt.plus(RETRY_FOR))) {
            return Optional.empty();
        }
        return Optional.of(failedAt.plus(delay(attempts, jitter)));
    }

    /** The delay after failed attempt number {@code attempts}: 5 s doubling up to an hour, jittered ±25 %. */
    static Duration delay(int attempts, double jitter) {
        // 2^(attempts-1) overflows nothing below the cap: the cap (720 × 5 s) is reached at attempt 11.
        long seconds = Math.min(LONGEST_DELAY.toSeconds(), FIRST_DELAY_SECONDS << Math.min(attempts - 1, 20));
        return Duration.ofMillis(Math.round(seconds * 1000 * (LEAST_JITTER + JITTER_RANGE * jitter)));
    }

    /** True when a registration failing since {@code failingSince} (no success since) is to be switched off now. */
    public static boolean disables(Instant failingSince, Instant now) {
        return !now.isBefore(failingSince.plus(DISABLE_AFTER));
    }
}
