package com.cspdesk.adapters.web.ui;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.identity.Role;

import java.util.Optional;
import java.util.Set;

/**
 * Who is looking at a page, and therefore what it shows (api.md "Who may do what"). The screens
 * use these to hide what the role may not do; the routes behind them check the same roles with
 * {@code @Secured}, so a hidden action posted by hand is still refused.
 */
public record Viewer(String username, Set<Role> roles, Optional<String> customerTenantId) {

    public Viewer {
        roles = Set.copyOf(roles);
    }

    static Viewer of(Actor actor) {
        return new Viewer(actor.username(), actor.roles(), actor.customerTenantId());
    }

    public boolean isCustomer() {
        return customerTenantId.isPresent() || roles.contains(Role.CUSTOMER_GLOBAL_ADMIN);
    }

    public boolean canSeeCustomers() {
        return any(Role.ADMIN_AGENT, Role.SALES_AGENT, Role.GLOBAL_ADMIN);
    }

    public boolean canBuy() {
        return any(Role.ADMIN_AGENT, Role.GLOBAL_ADMIN);
    }

    public boolean canCreateCustomers() {
        return any(Role.ADMIN_AGENT, Role.GLOBAL_ADMIN);
    }

    /** Keys and download links: admin agents, and a customer's admin for its own tenant. */
    public boolean canGetKeys() {
        return any(Role.ADMIN_AGENT, Role.CUSTOMER_GLOBAL_ADMIN);
    }

    public boolean canCancel() {
        return any(Role.ADMIN_AGENT);
    }

    public boolean canSeeActivity() {
        return any(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN, Role.REFERRAL_ADMIN, Role.MARKETING_CONTENT_ADMIN);
    }

    public boolean canSeeInvoices() {
        return any(Role.GLOBAL_ADMIN, Role.ACCOUNT_ADMIN, Role.ADMIN_AGENT);
    }

    public boolean canRunInvoices() {
        return canSeeInvoices();
    }

    public boolean canFileSupportRequests() {
        return any(Role.ADMIN_AGENT, Role.GLOBAL_ADMIN);
    }

    /** The roles' names for the header, e.g. "ADMIN_AGENT" → the text key {@code role.ADMIN_AGENT}. */
    public java.util.List<String> roleKeys() {
        return roles.stream().sorted().map(role -> "role." + role.name()).toList();
    }

    private boolean any(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
