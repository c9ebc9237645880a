package com.cspdesk.application.identity.port.in;

import com.cspdesk.domain.access.Actor;

/**
 * Sign out everywhere: every token the actor holds, on every device, is refused from now on (at once
 * on this instance, within seconds on the others). Any signed-in caller may end their own sessions.
 */
public interface EndSessions {

    /** False when the actor's user no longer exists (its tokens are refused anyway). */
    boolean endSessionsOf(Actor actor);
}
