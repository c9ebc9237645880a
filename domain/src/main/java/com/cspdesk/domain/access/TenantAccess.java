package com.cspdesk.domain.access;

import com.cspdesk.domain.identity.Role;

/**
 * Whose data it is: a customer's user sees its own tenant only; the partner's users see every
 * customer of the partner. Tenant ids are GUIDs, compared without regard to case. A user that
 * holds the customer role but no tenant sees nothing (it would otherwise be unscoped).
 */
public final class TenantAccess {

    private TenantAccess() {
    }

    public static boolean maySee(Actor actor, String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            return false;
        }
        if (actor.customerTenantId().isPresent()) {
            return actor.customerTenantId().get().strip().equalsIgnoreCase(tenantId.strip());
        }
        return !actor.roles().contains(Role.CUSTOMER_GLOBAL_ADMIN);
    }
}
