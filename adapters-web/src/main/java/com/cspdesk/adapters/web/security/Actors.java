package com.cspdesk.adapters.web.security;

import com.cspdesk.adapters.web.clientaddress.ClientAddresses;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.identity.Role;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the signed-in caller (the verified JWT) into the application's {@link Actor}: its roles,
 * and the customer tenant of a customer's user from the {@value #TENANT_CLAIM} claim, acting from the
 * request's {@linkplain ClientAddresses client address}.
 */
public final class Actors {

    /** The JWT claim that binds a customer's user to its tenant. */
    public static final String TENANT_CLAIM = "tid";

    private Actors() {
    }

    /**
     * The actor of this authentication. Role names the product does not know are ignored. A
     * customer's admin without a tenant claim is refused (403): without it the actor would be
     * unscoped, i.e. see every customer.
     */
    public static Actor of(Authentication authentication) {
        Set<Role> roles = roles(authentication.getRoles());
        Optional<String> tenant = tenant(authentication.getAttributes().get(Actors.TENANT_CLAIM));
        if (tenant.isEmpty() && roles.contains(Role.CUSTOMER_GLOBAL_ADMIN)) {
            throw new AuthorizationException(authentication);
        }
        // Where from: the request being served, as ClientAddressFilter resolved it (none outside a request).
        // An application's token names the application: its acts carry its id (applicationId on the activity log).
        return new Actor(authentication.getName(), roles, tenant, ClientAddresses.current(),
                ApplicationClaims.applicationOf(authentication));
    }

    /** Whether the table grants this permission to any of the caller's roles (for a customer's admin: in its tenant). */
    public static boolean grants(Authentication authentication, Permission permission) {
        return permission.grantedToAny(roles(authentication.getRoles()));
    }

    static Set<Role> roles(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names == null) {
            return roles;
        }
        for (String name : names) {
            if (name == null) {
                continue;
            }
            try {
                roles.add(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                // A role of another system (or a newer version) grants nothing here.
            }
        }
        return roles;
    }

    private static Optional<String> tenant(Object claim) {
        if (claim instanceof String tenant && !tenant.isBlank()) {
            return Optional.of(tenant.strip());
        }
        return Optional.empty();
    }
}
