package com.cspdesk.application.identity.port.in;

import java.util.Optional;

/**
 * The second step of a sign-in: the {@code mfaToken} of {@link AuthenticateUser.MfaRequired} and a
 * code — from the authenticator app (each time step accepted once) or one of the recovery codes (each
 * accepted once). Anyone may try: the token is the credential, good for five minutes and five codes.
 */
public interface CompleteSignIn {

    SecondStepOutcome complete(String mfaToken, String code, Optional<String> clientAddress);

    sealed interface SecondStepOutcome permits Passed, WrongCode, ChallengeEnded {
    }

    /** The token may be issued. */
    record Passed(SignedInUser user) implements SecondStepOutcome {
    }

    /** Not an acceptable code: wrong, used already, or of a step too far off. */
    record WrongCode() implements SecondStepOutcome {
    }

    /** The token is not one of ours, has expired, was used up (signed in, or five codes tried), or its session ended. */
    record ChallengeEnded() implements SecondStepOutcome {
    }
}
