package com.cspdesk.application.identity.port.in;

import java.time.Duration;
import java.util.Optional;

/**
 * Sign in with a username and password, from a client address (which the throttle counts failures
 * of, and the activity log names). A wrong username and a wrong password get the same
 * {@link Refused}: the answer never says which.
 */
public interface AuthenticateUser {

    SignInOutcome signIn(Credentials credentials, Optional<String> clientAddress);

    /** A sign-in attempt. The password never appears in {@link #toString()}. */
    record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=***]";
        }
    }

    /** What a sign-in attempt gets. */
    sealed interface SignInOutcome permits SignedIn, Refused, TooManyAttempts, MfaRequired {
    }

    /** The password (and, where needed, the second factor) matched: the token may be issued. */
    record SignedIn(SignedInUser user) implements SignInOutcome {
    }

    /** Wrong username or password (never says which). */
    record Refused() implements SignInOutcome {
    }

    /** Too many failed attempts for this account or from this address: try again after {@code retryAfter}. */
    record TooManyAttempts(Duration retryAfter) implements SignInOutcome {

        /** The wait in whole seconds, rounded up, at least one: what {@code Retry-After} and the sign-in page say. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    /**
     * The password matched, but the user has a second factor: {@code POST /login/mfa} with this
     * short-lived token and a code finishes the sign-in.
     */
    record MfaRequired(String mfaToken) implements SignInOutcome {
    }
}
