package com.cspdesk.domain.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * The second step of a sign-in: after the password matched, the user has {@link #LIFETIME} and at
 * most {@link #MAX_ATTEMPTS} codes to finish it; after that only a new sign-in with the password
 * starts another. With three steps acceptable at a time, a guess hits with odds of 3 in 10^6, so
 * trying the million codes takes 200,000 password sign-ins.
 */
public final class SecondFactorChallenge {

    public static final Duration LIFETIME = Duration.ofMinutes(5);
    public static final int MAX_ATTEMPTS = 5;

    private SecondFactorChallenge() {
    }

    /** When a challenge started at {@code startedAt} ends. */
    public static Instant endsAt(Instant startedAt) {
        return startedAt.plus(LIFETIME);
    }

    /** Whether a challenge that ends at {@code endsAt} is still open at {@code now} (its last instant excluded). */
    public static boolean openAt(Instant endsAt, Instant now) {
        return now.isBefore(endsAt);
    }
}
