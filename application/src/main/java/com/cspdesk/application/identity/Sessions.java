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

/**
 * Whether a token's session is still open, and ending a user's sessions. A token is current while its
 * user exists and the user's stored session generation is the one the token carries.
 * <p>
 * Every signed-in request asks, so the stored generation is remembered per instance for
 * {@code keepFor} (a few seconds: how long another instance may still accept a token after a
 * sign-out or deletion here) and for at most {@code maxRemembered} users. Changes made on this
 * instance are forgotten at once. A token newer than what is remembered (a sign-in after a sign-out
 * elsewhere) makes it read again, so a fresh sign-in is never refused by a stale memory.
 */
public final class Sessions implements CheckSession, EndSessions {

    private final Users users;
    private final Clock clock;
    private final Duration keepFor;
    private final int maxRemembered;
    private final Map<Username, Remembered> remembered = new ConcurrentHashMap<>();

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
        boolean stale = known == null || !known.freshAt(now)
                || (known.generation().isPresent() && sessionGeneration > known.generation().getAsLong());
        if (stale) {
            known = new Remembered(users.find(user).stream().mapToLong(UserAccount::sessionGeneration).findFirst(),
                    now.plus(keepFor));
            remember(user, known, now);
        }
        return known.generation().isPresent() && known.generation().getAsLong() == sessionGeneration;
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

    /** The stored generation (empty: no such user) and until when it may be used without asking again. */
    private record Remembered(OptionalLong generation, Instant until) {
        boolean freshAt(Instant now) {
            return now.isBefore(until);
        }
    }
}
