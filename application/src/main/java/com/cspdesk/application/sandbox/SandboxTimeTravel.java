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

    /**
     * The demo's history (bootstrap, on the first start on fresh data only): a sandbox whose clock began
     * in the past (a negative offset) lets time pass up to {@code instant}, as it would have passed, not as
     * a move someone makes: nothing is logged or saved and the listeners are not told (the history runs
     * what falls due itself). An instant the sandbox has passed already changes nothing; the clock never
     * goes back, nor past real time.
     *
     * @throws IllegalStateException when {@code instant} is after real time: only {@link #catchUp()} ends
     *                               the history, at real time
     */
    public synchronized SandboxTime passTo(Instant instant) {
        Instant realNow = clock.base().instant();
        Duration offset = Duration.between(realNow, instant);
        if (offset.compareTo(Duration.ZERO) > 0) {
            throw new IllegalStateException("time passes no further than real time: " + instant + " is after " + realNow);
        }
        if (offset.compareTo(clock.offset()) > 0) {
            clock.moveTo(offset);
        }
        return now();
    }

    /**
     * Ends the demo's history: the clock at real time (offset zero) and that offset saved, so a restart
     * starts there. A clock at or ahead of real time is left where it is (its offset saved again).
     */
    public synchronized SandboxTime catchUp() {
        Duration offset = clock.offset().isNegative() ? Duration.ZERO : clock.offset();
        transactions.inTransaction(() -> {
            settings.saveOffset(offset);
            return null;
        });
        if (offset.compareTo(clock.offset()) > 0) {
            clock.moveTo(offset);
        }
        return now();
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
