package com.cspdesk.application.identity.port.in;

import com.cspdesk.domain.identity.Role;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** A user as an administrator sees it: never with a password or its hash. */
public record UserView(String username, Set<Role> roles, Optional<String> customerTenantId, Instant createdAt) {

    public UserView {
        roles = Set.copyOf(roles);
    }
}
