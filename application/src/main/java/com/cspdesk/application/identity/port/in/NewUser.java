package com.cspdesk.application.identity.port.in;

import com.cspdesk.domain.identity.Role;

import java.util.Set;

/**
 * A user to create. Raw input: the use case validates it and answers with a refusal, so the
 * caller learns every reason in the caller's words. The password never appears in
 * {@link #toString()}.
 */
public record NewUser(String username, String password, Set<Role> roles, String customerTenantId) {

    public NewUser {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", password=***, roles=" + roles
                + ", customerTenantId=" + customerTenantId + "]";
    }
}
