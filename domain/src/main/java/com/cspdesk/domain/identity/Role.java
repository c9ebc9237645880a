package com.cspdesk.domain.identity;

/**
 * The roles of api.md, after the spec's "Appropriate roles": six partner roles, the support staff
 * who handle service requests (issue #16: kept apart from the partner's roles, as Microsoft's support
 * is apart from the partner), and the customer's own global admin, who is bound to exactly one
 * customer tenant.
 */
public enum Role {
    ADMIN_AGENT,
    SALES_AGENT,
    GLOBAL_ADMIN,
    ACCOUNT_ADMIN,
    REFERRAL_ADMIN,
    MARKETING_CONTENT_ADMIN,
    /** Handles service requests: status, notes, resolution (and an approved refund's credit). */
    SUPPORT_STAFF,
    CUSTOMER_GLOBAL_ADMIN;

    /** A customer's user acts for its own tenant only; every other role is the partner's. */
    public boolean isCustomerRole() {
        return this == CUSTOMER_GLOBAL_ADMIN;
    }
}
