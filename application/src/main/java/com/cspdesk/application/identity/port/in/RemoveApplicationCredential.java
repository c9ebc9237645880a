package com.cspdesk.application.identity.port.in;

import com.cspdesk.domain.access.Actor;

/**
 * Revokes one secret of an application: the tokens it got are refused within seconds, the others work
 * on. Kept, marked revoked, for the activity log's sake. Revoking a revoked secret again changes nothing.
 */
public interface RemoveApplicationCredential {

    /** Needs {@code MANAGE_APPLICATIONS}, and a signed-in user. */
    Outcome removeCredential(String applicationId, String credentialId, Actor actor);

    enum Outcome {
        REMOVED,
        ALREADY_REMOVED,
        NOT_PERMITTED,
        NOT_FOUND
    }
}
