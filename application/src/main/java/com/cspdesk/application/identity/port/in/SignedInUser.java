package com.cspdesk.application.identity.port.in;

import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.Username;

import java.util.Optional;
import java.util.Set;

/** Who signed in: what the token will say about them. */
public record SignedInUser(Username username, Set<Role> roles, Optional<String> customerTenantId) {

    public SignedInUser {
        roles = Set.copyOf(roles);
    }
}
