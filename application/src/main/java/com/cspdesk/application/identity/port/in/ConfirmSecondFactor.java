package com.cspdesk.application.identity.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;

/**
 * Confirms the caller's unconfirmed enrolment with a code from the authenticator app. From then on
 * the password alone no longer signs the user in, and every session the user had ends (sign in again,
 * with a code), so no session open before has skipped the second factor.
 */
public interface ConfirmSecondFactor {

    ConfirmOutcome confirm(Actor actor, String code);

    sealed interface ConfirmOutcome permits Confirmed, WrongCode, NothingToConfirm, NotPermitted {
    }

    record Confirmed() implements ConfirmOutcome {
    }

    /** Not the code of the enrolled secret now (or not a code at all). */
    record WrongCode() implements ConfirmOutcome {
    }

    /** No unconfirmed enrolment: none started, or already confirmed. */
    record NothingToConfirm() implements ConfirmOutcome {
    }

    record NotPermitted(Permission permission) implements ConfirmOutcome {
    }
}
