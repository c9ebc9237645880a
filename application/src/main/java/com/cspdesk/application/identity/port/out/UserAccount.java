package com.cspdesk.application.identity.port.out;

import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.Username;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** A stored user. The hash is a secret too: it never appears in {@link #toString()}. */
public record UserAccount(Username username, String passwordHash, Set<Role> roles,
                          Optional<String> customerTenantId, Instant createdAt) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "UserAccount[username=" + username + ", roles=" + roles + ", customerTenantId="
                + customerTenantId.orElse("-") + ", createdAt=" + createdAt + "]";
    }
}
