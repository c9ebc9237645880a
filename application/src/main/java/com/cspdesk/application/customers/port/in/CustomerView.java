package com.cspdesk.application.customers.port.in;

import com.cspdesk.domain.customer.BillingProfile;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.market.Market;

import java.time.Instant;

/**
 * A customer as api.md shows it: tenant id, company profile, billing country, and Partner Center's
 * billing profile (whose default address lies in {@code country}).
 */
public record CustomerView(String tenantId, String companyName, String domain, Market country, Instant createdAt,
                           BillingProfile billingProfile) {

    /** This customer named again, by its tenant id (e.g. for the next use case of the same page). */
    public CustomerRef ref() {
        return new CustomerRef.TenantId(tenantId);
    }
}
