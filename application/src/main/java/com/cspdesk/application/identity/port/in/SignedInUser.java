package com.cspdesk.application.identity.port.in;

import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.Username;

import java.util.Optional;
import java.util.Set;

/**
 * Who signed in: what the token will say about them. {@code sessionGeneration} goes into the token
 * so that {@link CheckSession} can tell whether its session has been ended since. {@code enrolmentOnly}:
 * the user's roles must have a second factor and it has none yet, so the token may only enrol one.
 */
public record SignedInUser(Username username, Set<Role> roles, Optional<String> customerTenantId, long sessionGeneration,
                           boolean enrolmentOnly) {

    public SignedInUser {
        roles = Set.copyOf(roles);
    }

    /** A user whose session may do all its roles allow. */
    public SignedInUser(Username username, Set<Role> roles, Optional<String> customerTenantId, long sessionGeneration) {
        this(username, roles, customerTenantId, sessionGeneration, false);
    }
}
