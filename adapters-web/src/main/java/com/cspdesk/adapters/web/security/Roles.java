package com.cspdesk.adapters.web.security;

/**
 * The role names for {@code @Secured}, one constant per {@link com.cspdesk.domain.identity.Role}
 * (annotations need compile-time strings). api.md "Who may do what" is the source.
 */
public final class Roles {

    public static final String ADMIN_AGENT = "ADMIN_AGENT";
    public static final String SALES_AGENT = "SALES_AGENT";
    public static final String GLOBAL_ADMIN = "GLOBAL_ADMIN";
    public static final String ACCOUNT_ADMIN = "ACCOUNT_ADMIN";
    public static final String REFERRAL_ADMIN = "REFERRAL_ADMIN";
    public static final String MARKETING_CONTENT_ADMIN = "MARKETING_CONTENT_ADMIN";
    public static final String CUSTOMER_GLOBAL_ADMIN = "CUSTOMER_GLOBAL_ADMIN";

    /** The JWT claim that binds a customer's user to its tenant. */
    public static final String TENANT_CLAIM = "tid";

    private Roles() {
    }
}
