package com.cspdesk.application.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The sandbox test clock (architecture.md "Time"): real time shifted by an offset that only
 * grows, so the 60-day window and the monthly invoice run can be shown without waiting.
 * Time keeps running while shifted, as it would for a real customer.
 */
public final class SandboxClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public SandboxClock(Clock base, Duration offset) {
        this.base = base;
        this.offset = new AtomicReference<>(offset);
    }

    public Duration offset() {
        return offset.get();
    }

    /**
     * Moves the offset forward. Only {@link SandboxTimeTravel} calls this, after it has checked the
     * move and saved the offset, under its lock; so a move back here is a bug, not a refusal.
     */
    void moveTo(Duration newOffset) {
        Duration current = offset.get();
        if (newOffset.compareTo(current) < 0 || !offset.compareAndSet(current, newOffset)) {
            throw new IllegalStateException("the sandbox clock moves forward only, through SandboxTimeTravel");
        }
    }

    Clock base() {
        return base;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (ZoneOffset.UTC.equals(zone)) {
            return this;
        }
        throw new UnsupportedOperationException("The sandbox clock is UTC only");
    }
}
