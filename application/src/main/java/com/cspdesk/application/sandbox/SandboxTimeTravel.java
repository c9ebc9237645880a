package com.cspdesk.application.sandbox;

import com.cspdesk.application.activity.AdminActs;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.sandbox.SandboxClockRange;
import com.cspdesk.application.sandbox.port.in.MoveSandboxTime;
import com.cspdesk.application.sandbox.port.in.ReadSandboxTime;
import com.cspdesk.application.sandbox.port.in.SandboxTime;
import com.cspdesk.application.sandbox.port.out.SandboxClockMoved;
import com.cspdesk.application.sandbox.port.out.SandboxClockSettings;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and moves the sandbox clock, keeping its offset across restarts. A move is decided in
 * full before anything changes (allowed, in {@link SandboxClockRange}, not back), then the offset
 * is saved with its activity record ({@code update_sandbox_clock}, from and to) and only then the
 * clock moved, all under one lock: a refusal or a failed save leaves the clock, the saved offset and
 * the log as they were.
 */
public final class SandboxTimeTravel implements ReadSandboxTime, MoveSandboxTime {

    private final SandboxClock clock;
    private final SandboxClockSettings settings;
    private final ActivityLog activityLog;
    private final Transactions transactions;
    private final List<SandboxClockMoved> listeners;

    public SandboxTimeTravel(SandboxClock clock, SandboxClockSettings settings, ActivityLog activityLog,
                             Transactions transactions) {
        this(clock, settings, activityLog, transactions, List.of());
    }

    /** {@code listeners} are told after each move, in order, outside the move's lock (see {@link SandboxClockMoved}). */
    public SandboxTimeTravel(SandboxClock clock, SandboxClockSettings settings, ActivityLog activityLog,
                             Transactions transactions, List<SandboxClockMoved> listeners) {
        this.clock = clock;
        this.settings = settings;
        this.activityLog = activityLog;
        this.transactions = transactions;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public SandboxTime now() {
        return new SandboxTime(clock.instant(), clock.offset());
    }

    @Override
    public MoveResult moveTo(Instant instant, Actor actor) {
        return told(moveClockTo(instant, actor));
    }

    @Override
    public MoveResult advanceBy(Duration duration, Actor actor) {
        return told(advanceClockBy(duration, actor));
    }

    /** Tells the listeners after a move (not after a refusal), outside the lock: what they do may take a while. */
    private MoveResult told(MoveResult result) {
        if (result instanceof Moved moved) {
            for (SandboxClockMoved listener : listeners) {
                listener.moved(moved.time().now());
            }
        }
        return result;
    }

    private synchronized MoveResult moveClockTo(Instant instant, Actor actor) {
        if (!actor.may(Permission.MOVE_SANDBOX_CLOCK)) {
            return new NotPermitted(Permission.MOVE_SANDBOX_CLOCK);
        }
        Instant realNow = clock.base().instant();
        Duration offset = Duration.between(realNow, instant);
        if (!SandboxClockRange.allows(realNow, offset)) {
            return new OutOfRange(now(), SandboxClockRange.latestAt(realNow));
        }
        return shiftTo(offset, actor);
    }

    private synchronized MoveResult advanceClockBy(Duration duration, Actor actor) {
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
        return shiftTo(clock.offset().plus(duration), actor);
    }

    private MoveResult shiftTo(Duration offset, Actor actor) {
        if (offset.compareTo(clock.offset()) < 0) {
            return new WouldMoveBack(now());
        }
        Instant realNow = clock.base().instant();
        Instant from = realNow.plus(clock.offset()).truncatedTo(ChronoUnit.MICROS);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("from", from.toString());
        details.put("to", realNow.plus(offset).truncatedTo(ChronoUnit.MICROS).toString());
        // Saved first: when saving fails the clock has not moved, and a restart finds what it showed.
        transactions.inTransaction(() -> {
            settings.saveOffset(offset);
            activityLog.append(AdminActs.by(actor, from, AdminActs.UPDATE_SANDBOX_CLOCK, Resource.SANDBOX_CLOCK.kind(), "sandbox",
                    details));
            return null;
        });
        clock.moveTo(offset);
        return new Moved(now());
    }
}
