package com.cspdesk.application.customers.port.out;

import com.cspdesk.domain.customer.BillingProfile;
import com.cspdesk.domain.market.Market;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stored customers. */
public interface Customers {

    /** Adds the customer; false when its domain is taken (also when taken concurrently). */
    boolean add(Customer customer);

    Optional<Customer> byTenantId(String tenantId);

    /** By domain, case-insensitive. */
    Optional<Customer> byDomain(String domain);

    /**
     * Customers ordered by company name then tenant id, after {@code after} (exclusive), at most
     * {@code limit}; with a prefix, only those whose name or domain starts with it.
     */
    List<Customer> page(Optional<String> prefix, Optional<Cursor> after, int limit);

    long count(Optional<String> prefix);

    /** A customer; its billing profile's default address lies in {@code country}. */
    record Customer(String tenantId, String companyName, String domain, Market country, Instant createdAt,
                    BillingProfile billingProfile) {

        public Customer {
            if (billingProfile == null && companyName != null) {
                billingProfile = BillingProfile.of(companyName);
            }
        }

        /** A customer of whom only name, domain and country are known. */
        public Customer(String tenantId, String companyName, String domain, Market country, Instant createdAt) {
            this(tenantId, companyName, domain, country, createdAt, null);
        }
    }

    /** The last customer of a page. */
    record Cursor(String companyName, String tenantId) {
    }
}
