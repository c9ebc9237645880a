package com.cspdesk.application.identity;

import com.cspdesk.application.identity.port.in.CheckSession;
import com.cspdesk.application.identity.port.in.EndSessions;
import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.identity.Username;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether a token's session is still open, and ending a user's sessions. A token is current while its
 * user exists and the user's stored session generation is the one the token carries.
 * <p>
 * Every signed-in request asks, so the stored generation is remembered per instance for
 * {@code keepFor} (a few seconds: how long another instance may still accept a token after a
 * sign-out or deletion here) and for at most {@code maxRemembered} users. Changes made on this
 * instance are forgotten at once. A token newer than what is remembered (a sign-in after a sign-out
 * elsewhere) makes it read again, so a fresh sign-in is never refused by a stale memory.
 * <p>
 * When the store cannot be read (the database is down), the check must not become the queue: tokens
 * are validated on a few framework threads, and each read would wait for the pool's connection
 * timeout while every other request waits behind it. So one read at a time goes to the store while a
 * remembered generation (even an old one) exists, the others answer from memory; the request whose
 * read failed is refused with {@link SessionsUnavailable} (503, the failure as its cause), and for
 * {@code keepFor} after it a remembered generation answers and a user without one is refused at once.
 * Every request thus meets the outage once, in the check or in its own work: one connection timeout. During an outage a token
 * ended elsewhere may thus pass the check for as long as the outage lasts — but nothing it asks for
 * can be done without the database.
 */
public final class Sessions implements CheckSession, EndSessions {

    private final Users users;
    private final Clock clock;
    private final Duration keepFor;
    private final int maxRemembered;
    private final Map<Username, Remembered> remembered = new ConcurrentHashMap<>();
    private final AtomicBoolean reading = new AtomicBoolean();
    private final AtomicReference<Failed> lastFailure = new AtomicReference<>();

    /** {@code clock}: real time, not the sandbox's, which may jump ahead. */
    public Sessions(Users users, Clock clock, Duration keepFor, int maxRemembered) {
        this.users = users;
        this.clock = clock;
        this.keepFor = keepFor;
        this.maxRemembered = maxRemembered;
    }

    @Override
    public boolean isCurrent(String username, long sessionGeneration) {
        if (!Username.isValid(username)) {
            return false;
        }
        Username user = new Username(username);
        Instant now = clock.instant();
        Remembered known = remembered.get(user);
        // A token newer than what is remembered must be read: memory would refuse a fresh sign-in.
        boolean newer = known != null && known.generation().isPresent() && sessionGeneration > known.generation().getAsLong();
        Remembered fallback = newer ? null : known;
        if (known == null || newer || !known.freshAt(now)) {
            Failed failed = lastFailure.get();
            if (failed != null && now.isBefore(failed.until())) {
                if (fallback == null) {
                    throw new SessionsUnavailable(failed.cause());
                }
            } else if (fallback == null || reading.compareAndSet(false, true)) {
                known = read(user, fallback, now);
            }
        }
        return known.generation().isPresent() && known.generation().getAsLong() == sessionGeneration;
    }

    /**
     * The stored generation, remembered. With a {@code fallback} (an old memory) the caller holds
     * {@link #reading} (one such read at a time), which this gives back.
     */
    private Remembered read(Username user, Remembered fallback, Instant now) {
        boolean owner = fallback != null;
        try {
            Remembered read = new Remembered(users.find(user).stream().mapToLong(UserAccount::sessionGeneration).findFirst(),
                    now.plus(keepFor));
            lastFailure.set(null);
            remember(user, read, now);
            return read;
        } catch (RuntimeException failure) {
            // This request has waited its connection timeout already: it is answered now (503) rather
            // than meet the outage a second time in its own work.
            lastFailure.set(new Failed(now.plus(keepFor), failure));
            throw new SessionsUnavailable(failure);
        } finally {
            if (owner) {
                reading.set(false);
            }
        }
    }

    @Override
    public boolean endSessionsOf(Actor actor) {
        if (!Username.isValid(actor.username())) {
            return false;
        }
        Username user = new Username(actor.username());
        boolean ended = users.endSessions(user);
        forget(user);
        return ended;
    }

    /** Called after this instance deleted or (re)created the user: the memory of it is out of date. */
    public void forget(Username username) {
        remembered.remove(username);
    }

    private void remember(Username user, Remembered known, Instant now) {
        if (remembered.size() >= maxRemembered) {
            remembered.values().removeIf(entry -> !entry.freshAt(now));
            if (remembered.size() >= maxRemembered) {
                // Still full of fresh entries: start over rather than grow; the cost is one read each.
                remembered.clear();
            }
        }
        remembered.put(user, known);
    }

    /** A read of the store that failed, and until when no other is tried for a user already remembered. */
    private record Failed(Instant until, RuntimeException cause) {
    }

    /** The stored generation (empty: no such user) and until when it may be used without asking again. */
    private record Remembered(OptionalLong generation, Instant until) {
        boolean freshAt(Instant now) {
            return now.isBefore(until);
        }
    }
}
