package com.cspdesk.application.sandbox;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.application.sandbox.port.in.MoveSandboxTime;
import com.cspdesk.application.sandbox.port.in.ReadSandboxTime;
import com.cspdesk.application.sandbox.port.in.SandboxTime;
import com.cspdesk.application.sandbox.port.out.SandboxClockSettings;

import java.time.Duration;
import java.time.Instant;

/** Reads and moves the sandbox clock, keeping its offset across restarts. */
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
    public MoveResult moveTo(Instant instant, Actor actor) {
        if (!actor.may(Permission.MOVE_SANDBOX_CLOCK)) {
            return new NotPermitted(Permission.MOVE_SANDBOX_CLOCK);
        }
        return shiftTo(Duration.between(clock.base().instant(), instant));
    }

    @Override
    public MoveResult advanceBy(Duration duration, Actor actor) {
        if (!actor.may(Permission.MOVE_SANDBOX_CLOCK)) {
            return new NotPermitted(Permission.MOVE_SANDBOX_CLOCK);
        }
        if (duration.isNegative()) {
            return new WouldMoveBack(now());
        }
        return shiftTo(clock.offset().plus(duration));
    }

    private synchronized MoveResult shiftTo(Duration offset) {
        if (!clock.moveTo(offset)) {
            return new WouldMoveBack(now());
        }
        settings.saveOffset(clock.offset());
        return new Moved(now());
    }
}
