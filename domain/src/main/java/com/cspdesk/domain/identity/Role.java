package com.cspdesk.domain.identity;

/**
 * The roles of api.md, after the spec's "Appropriate roles": six partner roles and the
 * customer's own global admin, who is bound to exactly one customer tenant.
 */
public enum Role {
    ADMIN_AGENT,
    SALES_AGENT,
    GLOBAL_ADMIN,
    ACCOUNT_ADMIN,
    REFERRAL_ADMIN,
    MARKETING_CONTENT_ADMIN,
    CUSTOMER_GLOBAL_ADMIN;

    /** A customer's user acts for its own tenant only; every other role is the partner's. */
    public boolean isCustomerRole() {
        return this == CUSTOMER_GLOBAL_ADMIN;
    }
}
