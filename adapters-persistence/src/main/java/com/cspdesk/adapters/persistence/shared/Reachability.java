package com.cspdesk.adapters.persistence.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the database is known to be unreachable: the gate's state machine, pure apart from its clock.
 * A failed connection or a broken link only raises a suspicion (the database may merely be slow, or one
 * host of several may be gone); the probe decides, and only "no host answered the probe" makes the
 * database unreachable. From then on work is refused at once until a probe gets through again.
 *
 * <pre>
 * REACHABLE --suspect--> SUSPECTED --probe answered--> REACHABLE
 *                                  --probe failed----> UNREACHABLE --probe failed--> UNREACHABLE
 *                                                                  --probe answered-> REACHABLE (came back)
 * </pre>
 */
final class Reachability {

    enum State {
        REACHABLE,
        /** A connection failed or broke; requests still go to the pool while a probe looks. */
        SUSPECTED,
        /** No host answered the last probe: requests are refused at once. */
        UNREACHABLE
    }

    /** What an operator is told: once when the database went, once when it came back. */
    sealed interface Change {

        record WentUnreachable(Instant since) implements Change {
        }

        record CameBack(Duration after) implements Change {
        }
    }

    private final Clock clock;
    // Read on every connection request without a lock; changed only under this object's lock.
    private volatile State state = State.REACHABLE;
    private Instant unreachableSince;

    Reachability(Clock clock) {
        this.clock = clock;
    }

    /** Whether work may try the database: everything but "known unreachable". */
    boolean admits() {
        return state != State.UNREACHABLE;
    }

    State state() {
        return state;
    }

    /** A connection could not be had or broke: true when a probe should look now (none is looking yet). */
    synchronized boolean suspect() {
        if (state != State.REACHABLE) {
            return false;
        }
        state = State.SUSPECTED;
        return true;
    }

    /** The outcome of a probe; a change when the database went or came back. */
    synchronized Optional<Change> probed(boolean answered) {
        return switch (state) {
            case REACHABLE -> Optional.empty();
            case SUSPECTED -> {
                if (answered) {
                    state = State.REACHABLE;
                    yield Optional.empty();
                }
                state = State.UNREACHABLE;
                unreachableSince = clock.instant();
                yield Optional.of(new Change.WentUnreachable(unreachableSince));
            }
            case UNREACHABLE -> {
                if (!answered) {
                    yield Optional.empty();
                }
                state = State.REACHABLE;
                yield Optional.of(new Change.CameBack(Duration.between(unreachableSince, clock.instant())));
            }
        };
    }

    /** Whether another probe should follow this one after the interval (the question is still open). */
    boolean probing() {
        return state != State.REACHABLE;
    }
}
