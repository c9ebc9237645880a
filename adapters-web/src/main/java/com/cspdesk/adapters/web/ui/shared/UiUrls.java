package com.cspdesk.adapters.web.ui.shared;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small helpers for the addresses the pages build. */
public final class UiUrls {

    /** Where each section of the dashboard lives (one place, so features need not know each other). */
    public static final String HOME = "/ui";
    public static final String SIGN_IN = "/ui/login";
    /** The user's own two-step sign-in (enrol an authenticator app). */
    public static final String SECURITY = "/ui/security";
    public static final String CUSTOMERS = "/ui/customers";
    public static final String BILLING_SOFTWARE = "/ui/billing/products/software";
    public static final String ACTIVITY = "/ui/settings/activity";
    public static final String APPLICATIONS = "/ui/settings/applications";
    public static final String WEBHOOKS = "/ui/settings/webhooks";
    public static final String INVOICES = "/ui/invoices";
    public static final String SUPPORT = "/ui/support";

    private UiUrls() {
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
