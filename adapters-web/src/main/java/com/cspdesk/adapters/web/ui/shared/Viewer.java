package com.cspdesk.adapters.web.ui.shared;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.identity.Role;

import java.util.Optional;
import java.util.Set;

/**
 * Who is looking at a page, and therefore what it shows (api.md "Who may do what"). The screens
 * use these to hide what the role may not do; the routes behind them check the same table with
 * {@code @RequiresPermission}, so a hidden action posted by hand is still refused.
 */
public record Viewer(String username, Set<Role> roles, Optional<String> customerTenantId) {

    public Viewer {
        roles = Set.copyOf(roles);
    }

    public static Viewer of(Actor actor) {
        return new Viewer(actor.username(), actor.roles(), actor.customerTenantId());
    }

    /** A customer's user (the domain says which role that is): its own Billing pages, not the partner's. */
    public boolean isCustomer() {
        return customerTenantId.isPresent() || roles.stream().anyMatch(Role::isCustomerRole);
    }

    /** The partner's customer list; a customer's admin has its own Billing pages instead. */
    public boolean canSeeCustomers() {
        return !isCustomer() && may(Permission.VIEW_CUSTOMERS);
    }

    public boolean canBuy() {
        return may(Permission.PLACE_ORDER);
    }

    public boolean canCreateCustomers() {
        return may(Permission.CREATE_CUSTOMER);
    }

    /** Keys and download links: admin agents, and a customer's admin for its own tenant. */
    public boolean canGetKeys() {
        return may(Permission.GET_PRODUCT_KEY);
    }

    public boolean canCancel() {
        return may(Permission.CANCEL_PURCHASE);
    }

    /** Issue #16: a bought reservation's scope (MANAGE_SUBSCRIPTIONS: admin agents, global admins). */
    public boolean canChangeReservationScope() {
        return may(Permission.MANAGE_SUBSCRIPTIONS);
    }

    public boolean canSeeActivity() {
        return may(Permission.READ_ACTIVITY_LOG);
    }

    /** The views across all customers and the price sheet (#16): admin and sales agents, global admins. */
    public boolean canViewAcrossCustomers() {
        return may(Permission.VIEW_ACROSS_CUSTOMERS);
    }

    public boolean canSeeInvoices() {
        return may(Permission.READ_INVOICES);
    }

    public boolean canRunInvoices() {
        return may(Permission.START_INVOICE_RUN);
    }

    /** Applications (service callers) and their secrets: global admins. */
    public boolean canManageApplications() {
        return may(Permission.MANAGE_APPLICATIONS);
    }

    /** Settings › Users: add users, change their roles, reset their two-step sign-in, remove them (global admins). */
    public boolean canManageUsers() {
        return may(Permission.MANAGE_USERS);
    }

    /** The partner's webhook registration and its delivery log: the partner roles that may read what some event is about. */
    public boolean canManageWebhooks() {
        return !isCustomer() && may(Permission.MANAGE_WEBHOOKS);
    }

    public boolean canFileSupportRequests() {
        return may(Permission.FILE_SERVICE_REQUEST);
    }

    /** Support requests that end (#16 item 4): support staff's queue, status moves and resolutions. */
    public boolean canHandleSupportRequests() {
        return may(Permission.HANDLE_SERVICE_REQUESTS);
    }

    /** Billing › Unbilled and reconciliation (issue #16): global and account admins. */
    public boolean canReconcileBilling() {
        return may(Permission.RECONCILE_BILLING);
    }

    /** Manual credit notes (issue #16): global and account admins. */
    public boolean canIssueCreditNotes() {
        return may(Permission.ISSUE_CREDIT_NOTE);
    }

    /** The text keys of the roles for the header: each role R → {@code role.R}. */
    public java.util.List<String> roleKeys() {
        return roles.stream().sorted().map(role -> "role." + role.name()).toList();
    }

    /** What the screens offer is what the core's table allows: {@link Permission#grantedToAny}. */
    public boolean may(Permission permission) {
        return permission.grantedToAny(roles);
    }
}
