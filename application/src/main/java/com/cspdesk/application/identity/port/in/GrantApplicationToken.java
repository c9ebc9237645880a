package com.cspdesk.application.identity.port.in;

import com.cspdesk.domain.identity.Role;

import java.time.Duration;
import java.util.Set;
import java.util.Optional;

/**
 * OAuth 2.0 client credentials (RFC 6749 §4.4): an application proves itself with its client id and
 * one of its live secrets, throttled as sign-ins are (per client id and per client address). A wrong
 * id, a wrong secret, a revoked secret and a revoked application get the same {@link Refused}.
 */
public interface GrantApplicationToken {

    GrantOutcome grant(String clientId, String clientSecret, Optional<String> clientAddress);

    sealed interface GrantOutcome {
    }

    /** The secret matched a live credential of a live application: a token may be issued for it. */
    record Granted(ApplicationCaller caller) implements GrantOutcome {
    }

    record Refused() implements GrantOutcome {
    }

    record TooManyAttempts(Duration retryAfter) implements GrantOutcome {

        /** The wait in whole seconds, rounded up, at least one (what {@code Retry-After} says). */
        public long retryAfterSeconds() {
            return new AuthenticateUser.TooManyAttempts(retryAfter).retryAfterSeconds();
        }
    }

    /** Who the token is for: the application, the credential it proved itself with, and its roles. */
    record ApplicationCaller(String applicationId, String credentialId, Set<Role> roles) {
        public ApplicationCaller {
            roles = Set.copyOf(roles);
        }
    }
}
