package com.cspdesk.domain.access;

import com.cspdesk.domain.identity.Role;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import static com.cspdesk.domain.identity.Role.ACCOUNT_ADMIN;
import static com.cspdesk.domain.identity.Role.ADMIN_AGENT;
import static com.cspdesk.domain.identity.Role.CUSTOMER_GLOBAL_ADMIN;
import static com.cspdesk.domain.identity.Role.GLOBAL_ADMIN;
import static com.cspdesk.domain.identity.Role.MARKETING_CONTENT_ADMIN;
import static com.cspdesk.domain.identity.Role.REFERRAL_ADMIN;
import static com.cspdesk.domain.identity.Role.SALES_AGENT;
import static com.cspdesk.domain.identity.Role.SUPPORT_STAFF;

/**
 * Who may do what: every business action and the roles that may do it — api.md "Who may do what"
 * (from the spec's "Appropriate roles"), the one table the use cases, the API's security rules
 * and the dashboard's screens all derive from. A customer's global admin may do what its row
 * grants for its own tenant only ({@link TenantAccess}); another tenant's data is "not found".
 */
public enum Permission {

    /** The catalog: products, SKUs, availabilities. */
    BROWSE_CATALOG(ADMIN_AGENT, SALES_AGENT, GLOBAL_ADMIN),
    /** List and view customers (a customer's admin: its own company, the "customer's own view"). */
    VIEW_CUSTOMERS(ADMIN_AGENT, SALES_AGENT, GLOBAL_ADMIN, CUSTOMER_GLOBAL_ADMIN),
    CREATE_CUSTOMER(ADMIN_AGENT, GLOBAL_ADMIN),
    /** A customer's orders, and what cancelling one would credit (the preview changes nothing). */
    VIEW_ORDERS(ADMIN_AGENT, SALES_AGENT, GLOBAL_ADMIN, CUSTOMER_GLOBAL_ADMIN),
    /** Place orders on behalf of a customer. */
    PLACE_ORDER(ADMIN_AGENT, GLOBAL_ADMIN),
    /** A customer's software list. */
    VIEW_SOFTWARE(ADMIN_AGENT, SALES_AGENT, GLOBAL_ADMIN, CUSTOMER_GLOBAL_ADMIN),
    GET_PRODUCT_KEY(ADMIN_AGENT, CUSTOMER_GLOBAL_ADMIN),
    CREATE_DOWNLOAD_LINK(ADMIN_AGENT, CUSTOMER_GLOBAL_ADMIN),
    CANCEL_PURCHASE(ADMIN_AGENT),
    /** Read, export and verify the activity log. */
    READ_ACTIVITY_LOG(GLOBAL_ADMIN, ACCOUNT_ADMIN, REFERRAL_ADMIN, MARKETING_CONTENT_ADMIN),
    /** Invoices, their line items and documents. */
    READ_INVOICES(GLOBAL_ADMIN, ACCOUNT_ADMIN, ADMIN_AGENT),
    START_INVOICE_RUN(GLOBAL_ADMIN, ACCOUNT_ADMIN, ADMIN_AGENT),
    /** File, read and attach files to customer support requests. */
    FILE_SERVICE_REQUEST(ADMIN_AGENT, GLOBAL_ADMIN),
    MANAGE_USERS(GLOBAL_ADMIN),
    /** Sandbox only: move the test clock (reading it needs only a sign-in). */
    MOVE_SANDBOX_CLOCK(GLOBAL_ADMIN, ADMIN_AGENT),
    /**
     * Operations: the Prometheus metrics ({@code /prometheus}) — request timings, the connection pool, the JVM
     * and the business counters. A scraper signs in as an application given the role.
     */
    READ_METRICS(GLOBAL_ADMIN),
    /** Operations: the health check's details (database URL, paths, disk); everyone else gets only the status. */
    READ_HEALTH_DETAILS(GLOBAL_ADMIN),
    /** One's own second factor: enrol a TOTP authenticator and confirm it (every user, for themselves only). */
    MANAGE_OWN_MFA(ADMIN_AGENT, SALES_AGENT, GLOBAL_ADMIN, ACCOUNT_ADMIN, REFERRAL_ADMIN, MARKETING_CONTENT_ADMIN,
            SUPPORT_STAFF, CUSTOMER_GLOBAL_ADMIN),
    /** Remove another user's second factor (a lost phone), which ends that user's sessions. */
    RESET_MFA(GLOBAL_ADMIN),
    /**
     * Register applications (service callers), add and revoke their secrets, unregister them. A
     * registered application never does this itself, whatever its roles: only a signed-in user.
     */
    MANAGE_APPLICATIONS(GLOBAL_ADMIN),
    /**
     * The partner's webhook registration (issue #15): read, register, change, delete, rotate its secret.
     * Held by every partner role that may read what some event is about; which events a caller may
     * name is {@code WebhookSubscriptionPolicy}'s (an event's own permission), never a customer's user.
     */
    MANAGE_WEBHOOKS(ADMIN_AGENT, SALES_AGENT, GLOBAL_ADMIN, ACCOUNT_ADMIN),
    /**
     * After the purchase (issue #16): switch a subscription's auto-renew, change a reservation's scope.
     * Reading them is {@link #VIEW_ORDERS}'s, as api.md says ("read as orders").
     */
    MANAGE_SUBSCRIPTIONS(ADMIN_AGENT, GLOBAL_ADMIN),
    /** Orders, the software inventory and subscriptions across all customers, and the price sheets. */
    VIEW_ACROSS_CUSTOMERS(ADMIN_AGENT, SALES_AGENT, GLOBAL_ADMIN),
    /** The month's unbilled charges and credits so far, and reconciliation line items over a date range. */
    RECONCILE_BILLING(GLOBAL_ADMIN, ACCOUNT_ADMIN),
    /** A manual credit note for a customer's order (goodwill, an approved refund), always with a reason. */
    ISSUE_CREDIT_NOTE(GLOBAL_ADMIN, ACCOUNT_ADMIN),
    /**
     * Handle service requests: read every request, set its status, write notes the partner sees, resolve
     * it (a refund request with an approved amount, which becomes a credit) or decline it with a reason.
     * The partner's agents file requests and add their own notes under {@link #FILE_SERVICE_REQUEST}.
     */
    HANDLE_SERVICE_REQUESTS(SUPPORT_STAFF),
    /**
     * Support requests that end (#16 item 4): read service requests and follow them up, the one permission
     * of the routes both sides use — the list, one request, its files, and PATCH (a note, a status). What a
     * caller may change there is its side's: {@link #HANDLE_SERVICE_REQUESTS} for support staff, the
     * partner's own moves ({@code ServiceRequestLifecycle}) under {@link #FILE_SERVICE_REQUEST}.
     */
    FOLLOW_SERVICE_REQUESTS(ADMIN_AGENT, GLOBAL_ADMIN, SUPPORT_STAFF);

    private final Set<Role> roles;

    Permission(Role first, Role... rest) {
        this.roles = Collections.unmodifiableSet(EnumSet.of(first, rest));
    }

    /** The roles that may do this, in the table's order of {@link Role}. */
    public Set<Role> roles() {
        return roles;
    }

    /** Whether any of these roles may do this. */
    public boolean grantedToAny(Set<Role> held) {
        for (Role role : held) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the actor may do this at all (for a customer's admin: within its own tenant). */
    public boolean allows(Actor actor) {
        return grantedToAny(actor.roles());
    }
}
