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
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
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
 * A memory that has grown old still answers, while one read per user refreshes it on
 * {@code refresher} (refresh-ahead): tokens are validated on a few framework threads, and a read that
 * waits — for the pool's connection timeout while the database is down — must not hold every other
 * request up behind it. So a change made elsewhere takes effect here at the first check after
 * {@code keepFor} plus one read. Only a user with no memory here, or a token newer than the memory (a
 * fresh sign-in), is read on the spot; when such a read fails, the request is refused with
 * {@link SessionsUnavailable} (503, the failure as its cause), and for {@code keepFor} after any failed
 * read no other is tried: remembered users answer from memory, others are refused at once. During an
 * outage a token ended elsewhere may thus pass the check — but nothing it asks for can be done
 * without the database.
 */
public final class Sessions implements CheckSession, EndSessions {

    private final Users users;
    private final Clock clock;
    private final Duration keepFor;
    private final int maxRemembered;
    private final Map<Username, Remembered> remembered = new ConcurrentHashMap<>();
    private final Set<Username> refreshing = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Failed> lastFailure = new AtomicReference<>();
    private final Executor refresher;

    /** {@code clock}: real time, not the sandbox's, which may jump ahead. Old memories are refreshed inline. */
    public Sessions(Users users, Clock clock, Duration keepFor, int maxRemembered) {
        this(users, clock, keepFor, maxRemembered, Runnable::run);
    }

    /** {@code refresher}: where old memories are read again while they still answer. */
    public Sessions(Users users, Clock clock, Duration keepFor, int maxRemembered, Executor refresher) {
        this.users = users;
        this.clock = clock;
        this.keepFor = keepFor;
        this.maxRemembered = maxRemembered;
        this.refresher = refresher;
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
        if (known != null && !newer) {
            if (!known.freshAt(now)) {
                refreshLater(user);
                known = remembered.getOrDefault(user, known);
            }
            return matches(known, sessionGeneration);
        }
        Failed failed = lastFailure.get();
        if (failed != null && now.isBefore(failed.until())) {
            throw new SessionsUnavailable(failed.cause());
        }
        try {
            return matches(read(user), sessionGeneration);
        } catch (RuntimeException failure) {
            throw new SessionsUnavailable(failure);
        }
    }

    private static boolean matches(Remembered known, long sessionGeneration) {
        return known.generation().isPresent() && known.generation().getAsLong() == sessionGeneration;
    }

    /** One read per user at a time, none for {@code keepFor} after a failed one. */
    private void refreshLater(Username user) {
        Failed failed = lastFailure.get();
        if (failed != null && clock.instant().isBefore(failed.until()) || !refreshing.add(user)) {
            return;
        }
        try {
            refresher.execute(() -> {
                try {
                    read(user);
                } catch (RuntimeException failure) {
                    // Recorded by read(); the memory keeps answering.
                } finally {
                    refreshing.remove(user);
                }
            });
        } catch (RejectedExecutionException full) {
            refreshing.remove(user);
        }
    }

    /** The stored generation, remembered; a failure is remembered too (see the class comment). */
    private Remembered read(Username user) {
        Instant now = clock.instant();
        try {
            Remembered read = new Remembered(users.find(user).stream().mapToLong(UserAccount::sessionGeneration).findFirst(),
                    now.plus(keepFor));
            lastFailure.set(null);
            remember(user, read, now);
            return read;
        } catch (RuntimeException failure) {
            lastFailure.set(new Failed(now.plus(keepFor), failure));
            throw failure;
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
