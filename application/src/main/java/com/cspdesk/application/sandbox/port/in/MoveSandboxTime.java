package com.cspdesk.application.sandbox.port.in;

import java.time.Duration;
import java.time.Instant;

/**
 * Moves the sandbox clock forward, to an instant or by a duration. Like Stripe's test clocks it
 * never goes back: orders, credits and the activity log's chain must stay in time order.
 */
public interface MoveSandboxTime {

    MoveResult moveTo(Instant instant);

    MoveResult advanceBy(Duration duration);

    sealed interface MoveResult {
    }

    record Moved(SandboxTime time) implements MoveResult {
    }

    /** Refused: the target is before the sandbox's present. */
    record WouldMoveBack(SandboxTime time) implements MoveResult {
    }
}
