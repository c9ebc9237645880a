package com.cspdesk.application.sandbox.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;

import java.time.Duration;
import java.time.Instant;

/**
 * Moves the sandbox clock forward, to an instant or by a duration. Like Stripe's test clocks it
 * never goes back: orders, credits and the activity log's chain must stay in time order. Nor
 * does it go further than the sandbox can record. A refused move changes nothing.
 */
public interface MoveSandboxTime {

    /** Needs {@code MOVE_SANDBOX_CLOCK}, like {@link #advanceBy}. */
    MoveResult moveTo(Instant instant, Actor actor);

    MoveResult advanceBy(Duration duration, Actor actor);

    sealed interface MoveResult {
    }

    record Moved(SandboxTime time) implements MoveResult {
    }

    /** Refused: the target is before the sandbox's present. */
    record WouldMoveBack(SandboxTime time) implements MoveResult {
    }

    /**
     * Refused: the target is further ahead than the sandbox clock may go (domain
     * {@code SandboxClockRange}); {@code latest} is the furthest it could be moved to now.
     */
    record OutOfRange(SandboxTime time, Instant latest) implements MoveResult {
    }

    /** The table does not let the actor move the clock; it did not move. */
    record NotPermitted(Permission permission) implements MoveResult {
    }
}
