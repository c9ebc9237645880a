package com.cspdesk.application.identity.port.in;

/** A global admin removes a user; the partner is never left without a global admin. */
public interface DeleteUser {

    DeleteUserResult delete(String username, String actingUsername);

    enum DeleteUserResult {
        DELETED,
        NOT_FOUND,
        /** Refused: it is the last global admin. */
        LAST_GLOBAL_ADMIN,
        /** Refused: nobody deletes the account they are signed in with. */
        CANNOT_DELETE_SELF
    }
}
