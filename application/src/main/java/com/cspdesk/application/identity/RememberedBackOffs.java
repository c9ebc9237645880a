package com.cspdesk.application.identity;

import com.cspdesk.application.identity.port.out.SignInFailures.Key;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The back-offs this instance has read, each until it ends, so a flood against a throttled account
 * or address is answered without asking the database again. Safe to keep: nothing shortens a
 * back-off before it ends (a success clears an account's failures only once its back-off has
 * passed, and failures are forgotten only long after the longest one); another instance may only
 * lengthen it, which is read again when the remembered one ends. Bounded: when full, the ended
 * ones go, and if none had ended, all of them (they are read again at the next attempt).
 */
final class RememberedBackOffs {

    private final int capacity;
    private final Map<Key, Instant> until = new ConcurrentHashMap<>();

    RememberedBackOffs(int capacity) {
        this.capacity = capacity;
    }

    /** The rest of the key's remembered back-off at {@code now}, if it has not ended. */
    Optional<Duration> remembered(Optional<Key> key, Instant now) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Instant end = until.get(key.get());
        if (end == null) {
            return Optional.empty();
        }
        if (!now.isBefore(end)) {
            until.remove(key.get(), end);
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, end));
    }

    /** Remembers the key's back-off read at {@code now}, if there is one; answers it unchanged. */
    Optional<Duration> remember(Optional<Key> key, Instant now, Optional<Duration> wait) {
        if (key.isPresent() && wait.isPresent()) {
            if (until.size() >= capacity) {
                until.values().removeIf(end -> !now.isBefore(end));
                if (until.size() >= capacity) {
                    until.clear();
                }
            }
            until.put(key.get(), now.plus(wait.get()));
        }
        return wait;
    }
}
