package com.cspdesk.adapters.persistence.shared;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * How often and how far apart a unit of work that lost a write conflict is run again: at most
 * {@code cspdesk.database.conflict-tries} tries (default 5), the waits between them growing from
 * 5 ms and doubling (5, 10, 20, 40 ms), each drawn at random between half that bound and all of it
 * (jitter) so two callers that collided do not collide again in step.
 */
@Singleton
class WriteConflictRetry {

    private static final long FIRST_BACK_OFF_MICROS = 5_000;

    private final int tries;

    WriteConflictRetry(@Value("${cspdesk.database.conflict-tries:5}") int tries) {
        if (tries < 1) {
            throw new IllegalArgumentException("cspdesk.database.conflict-tries must be at least 1, not " + tries);
        }
        this.tries = tries;
    }

    /** Whether a unit that failed on its {@code attempt}-th try (from 1) may run once more. */
    boolean mayRetryAfter(int attempt) {
        return attempt < tries;
    }

    /** Waits a random time between half of and all of 5 ms × 2^(attempt−1) before the next try. */
    void backOff(int attempt) {
        long bound = FIRST_BACK_OFF_MICROS << Math.min(attempt - 1, 10);
        try {
            TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextLong(bound / 2, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry a unit of work", e);
        }
    }
}
