package com.cspdesk.application.identity.port.in;

import java.util.Optional;

/** Sign in with a username and password. Empty when either is wrong (never says which). */
public interface AuthenticateUser {

    Optional<SignedInUser> authenticate(Credentials credentials);

    /** A sign-in attempt. The password never appears in {@link #toString()}. */
    record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[username=" + username + ", password=***]";
        }
    }
}
