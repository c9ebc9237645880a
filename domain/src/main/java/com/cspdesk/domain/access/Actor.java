package com.cspdesk.domain.access;

import com.cspdesk.domain.identity.Role;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is acting: a partner's user, or a customer's global admin bound to one tenant. What it may
 * do is {@link Permission}'s table; whose data it may see is {@link TenantAccess}. {@code address}
 * is where the request came from (the client's IP address, as the web adapter resolved it behind
 * trusted proxies), for the activity log's "from where"; it grants nothing. {@code applicationId}
 * is set when a registered application (a service caller) acts: the activity log names it beside
 * the user principal name, as Partner Center's audit records do.
 */
public record Actor(String username, Set<Role> roles, Optional<String> customerTenantId, Optional<String> address,
                    Optional<String> applicationId) {

    public Actor {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(customerTenantId, "customerTenantId");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(applicationId, "applicationId");
    }

    /** A user acting from that address (or from nowhere known). */
    public Actor(String username, Set<Role> roles, Optional<String> customerTenantId, Optional<String> address) {
        this(username, roles, customerTenantId, address, Optional.empty());
    }

    /** An actor whose address is not known (start-up, schedules, tests). */
    public Actor(String username, Set<Role> roles, Optional<String> customerTenantId) {
        this(username, roles, customerTenantId, Optional.empty());
    }

    /** The same actor, acting from that address. */
    public Actor from(String clientAddress) {
        return new Actor(username, roles, customerTenantId, Optional.ofNullable(clientAddress), applicationId);
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

    /** Whether the table lets this actor do that ({@link Permission#allows}). */
    public boolean may(Permission permission) {
        return permission.allows(this);
    }

    /** Whether this actor may see the tenant's data ({@link TenantAccess}). */
    public boolean maySee(String tenantId) {
        return TenantAccess.maySee(this, tenantId);
    }
}
