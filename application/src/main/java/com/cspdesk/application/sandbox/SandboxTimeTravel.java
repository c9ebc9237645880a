package com.cspdesk.application.sandbox;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.sandbox.SandboxClockRange;
import com.cspdesk.application.sandbox.port.in.MoveSandboxTime;
import com.cspdesk.application.sandbox.port.in.ReadSandboxTime;
import com.cspdesk.application.sandbox.port.in.SandboxTime;
import com.cspdesk.application.sandbox.port.out.SandboxClockSettings;

import java.time.Duration;
import java.time.Instant;

/**
 * Reads and moves the sandbox clock, keeping its offset across restarts. A move is decided in
 * full before anything changes (allowed, in {@link SandboxClockRange}, not back), then the offset
 * is saved and only then the clock moved, all under one lock: a refusal or a failed save leaves
 * both the clock and the saved offset as they were.
 */
public final class SandboxTimeTravel implements ReadSandboxTime, MoveSandboxTime {

    private final SandboxClock clock;
    private final SandboxClockSettings settings;

    public SandboxTimeTravel(SandboxClock clock, SandboxClockSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public SandboxTime now() {
        return new SandboxTime(clock.instant(), clock.offset());
    }

    @Override
    public synchronized MoveResult moveTo(Instant instant, Actor actor) {
        if (!actor.may(Permission.MOVE_SANDBOX_CLOCK)) {
            return new NotPermitted(Permission.MOVE_SANDBOX_CLOCK);
        }
        Instant realNow = clock.base().instant();
        Duration offset = Duration.between(realNow, instant);
        if (!SandboxClockRange.allows(realNow, offset)) {
            return new OutOfRange(now(), SandboxClockRange.latestAt(realNow));
        }
        return shiftTo(offset);
    }

    @Override
    public synchronized MoveResult advanceBy(Duration duration, Actor actor) {
        if (!actor.may(Permission.MOVE_SANDBOX_CLOCK)) {
            return new NotPermitted(Permission.MOVE_SANDBOX_CLOCK);
        }
        if (duration.isNegative()) {
            return new WouldMoveBack(now());
        }
        Instant realNow = clock.base().instant();
        if (!SandboxClockRange.allowsAdvance(realNow, clock.offset(), duration)) {
            return new OutOfRange(now(), SandboxClockRange.latestAt(realNow));
        }
        return shiftTo(clock.offset().plus(duration));
    }

    private MoveResult shiftTo(Duration offset) {
        if (offset.compareTo(clock.offset()) < 0) {
            return new WouldMoveBack(now());
        }
        // Saved first: when saving fails the clock has not moved, and a restart finds what it showed.
        settings.saveOffset(offset);
        clock.moveTo(offset);
        return new Moved(now());
    }
}
