package com.cspdesk.application.identity.port.in;

import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.Username;

import java.util.Optional;
import java.util.Set;

/**
 * Who signed in: what the token will say about them. {@code sessionGeneration} goes into the token
 * so that {@link CheckSession} can tell whether its session has been ended since.
 */
public record SignedInUser(Username username, Set<Role> roles, Optional<String> customerTenantId, long sessionGeneration) {

    public SignedInUser {
        roles = Set.copyOf(roles);
    }
}
