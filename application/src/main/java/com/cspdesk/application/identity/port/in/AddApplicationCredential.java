package com.cspdesk.application.identity.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;

/**
 * A new secret for a live application, beside those it has (rotation: add the new one, move the
 * callers over, revoke the old one). At most {@code ServiceCaller.LIVE_CREDENTIALS_MAX} live at once.
 */
public interface AddApplicationCredential {

    /** Needs {@code MANAGE_APPLICATIONS}, and a signed-in user. */
    AddCredentialOutcome addCredential(String applicationId, Actor actor);

    sealed interface AddCredentialOutcome {
    }

    record Added(IssuedSecret secret) implements AddCredentialOutcome {
    }

    record NotPermitted(Permission permission) implements AddCredentialOutcome {
    }

    record NotFound() implements AddCredentialOutcome {
    }

    /** The application is revoked: it gets no new secret. */
    record ApplicationRevoked() implements AddCredentialOutcome {
    }

    /** It has as many live secrets as it may: revoke one first. */
    record TooManyCredentials(int limit) implements AddCredentialOutcome {
    }
}
