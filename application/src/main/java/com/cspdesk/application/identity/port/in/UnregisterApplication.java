package com.cspdesk.application.identity.port.in;

import com.cspdesk.domain.access.Actor;

/**
 * Revokes an application: none of its secrets gets a token any more, and every token it holds is
 * refused within seconds. It stays listed, marked revoked, for the activity log's sake.
 */
public interface UnregisterApplication {

    /** Needs {@code MANAGE_APPLICATIONS}, and a signed-in user. Same outcomes as revoking one credential. */
    RemoveApplicationCredential.Outcome unregister(String applicationId, Actor actor);
}
