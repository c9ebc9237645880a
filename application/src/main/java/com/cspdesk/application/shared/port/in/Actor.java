package com.cspdesk.application.shared.port.in;

import com.cspdesk.domain.identity.Role;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is acting: a partner's user, or a customer's global admin bound to one tenant. Use cases
 * scope what they read and write by it; the web adapter has already checked the role.
 */
public record Actor(String username, Set<Role> roles, Optional<String> customerTenantId) {

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(customerTenantId, "customerTenantId");
    }

    public static Actor partner(String username, Role... roles) {
        return new Actor(username, Set.of(roles), Optional.empty());
    }

    public static Actor customer(String username, String tenantId) {
        return new Actor(username, Set.of(Role.CUSTOMER_GLOBAL_ADMIN), Optional.of(tenantId));
    }

    public boolean isCustomer() {
        return customerTenantId.isPresent();
    }

    /** A customer's user sees its own tenant only; the partner's users see every customer. */
    public boolean maySee(String tenantId) {
        return customerTenantId.map(own -> own.equalsIgnoreCase(tenantId)).orElse(true);
    }
}
