package com.cspdesk.application.identity.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;

/**
 * An admin removes a user's second factor (a lost phone): the user signs in with the password again
 * (and enrols anew where its roles must), and every session the user had ends.
 */
public interface ResetSecondFactor {

    ResetOutcome reset(Actor actor, String username);

    sealed interface ResetOutcome permits Reset, NotFound, NotPermitted {
    }

    record Reset() implements ResetOutcome {
    }

    /** No such user, or it has no second factor. */
    record NotFound() implements ResetOutcome {
    }

    record NotPermitted(Permission permission) implements ResetOutcome {
    }
}
