package com.cspdesk.domain.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * How far the sandbox test clock may be moved: at most {@link #MOST_AHEAD} (100 years of 365.25
 * days) ahead of real time, and never after {@link #LATEST}, the last second a SQL {@code DATETIME}
 * holds. Further than that, what the sandbox records (orders, invoices, the activity log) could no
 * longer be stored, and a century is more than any window, term or invoice month needs to be shown.
 *
 * <p>The offset is how far the sandbox runs ahead of real time. Only the upper end is bounded here;
 * that the clock never moves back is a rule of its own. Checked when the clock is moved.
 */
public final class SandboxClockRange {

    public static final Duration MOST_AHEAD = Duration.ofDays(36_525);
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private SandboxClockRange() {
    }

    /** The latest instant the sandbox clock may be moved to while real time is {@code realNow}. */
    public static Instant latestAt(Instant realNow) {
        return realNow.isAfter(LATEST.minus(MOST_AHEAD)) ? LATEST : realNow.plus(MOST_AHEAD);
    }

    /** Whether the sandbox may run {@code offset} ahead of real time, {@code realNow}. */
    public static boolean allows(Instant realNow, Duration offset) {
        return offset.compareTo(MOST_AHEAD) <= 0 && !realNow.plus(offset).isAfter(LATEST);
    }

    /**
     * Whether a sandbox running {@code offset} ahead may be advanced by {@code step}. The step is
     * compared before it is added, so a step of any size (an ISO-8601 duration can name billions of
     * years) is refused rather than overflowing.
     */
    public static boolean allowsAdvance(Instant realNow, Duration offset, Duration step) {
        return step.compareTo(MOST_AHEAD.minus(offset)) <= 0 && allows(realNow, offset.plus(step));
    }
}
