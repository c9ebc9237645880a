package com.cspdesk.application.identity.port.in;

import com.cspdesk.domain.access.Actor;

/** A global admin removes a user; the partner is never left without a global admin. */
public interface DeleteUser {

    /** Needs {@code MANAGE_USERS}. */
    DeleteUserResult delete(String username, Actor actor);

    enum DeleteUserResult {
        DELETED,
        /** The table does not let the actor manage users; nothing was looked at or removed. */
        NOT_PERMITTED,
        NOT_FOUND,
        /** Refused: it is the last global admin. */
        LAST_GLOBAL_ADMIN,
        /** Refused: nobody deletes the account they are signed in with. */
        CANNOT_DELETE_SELF
    }
}
