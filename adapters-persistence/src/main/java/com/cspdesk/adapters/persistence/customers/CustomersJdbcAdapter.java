package com.cspdesk.adapters.persistence.customers;

import com.cspdesk.adapters.persistence.shared.DuplicateKeys;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.domain.customer.BillingProfile;
import com.cspdesk.domain.customer.PostalAddress;
import com.cspdesk.domain.market.Market;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

@StoredInDatabase
@Singleton
class CustomersJdbcAdapter implements Customers {

    /** By primary key; every request that names a customer runs it first. */
    static final String BY_TENANT_ID = "SELECT tenant_id, company_name, domain, country, created_at,"
            + " billing_first_name, billing_last_name, billing_email, billing_culture, billing_language, billing_company_name,"
            + " address_region, address_city, address_state, address_line1, address_line2, address_line3,"
            + " address_postal_code, address_first_name, address_last_name, address_phone_number"
            + " FROM customer WHERE tenant_id = ?";

    private final CustomerRepository repository;
    private final JdbcOperations jdbc;

    CustomersJdbcAdapter(CustomerRepository repository, JdbcOperations jdbc) {
        this.repository = repository;
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(Customer customer) {
        try {
            repository.save(toRow(customer));
            return true;
        } catch (DataAccessException e) {
            // The unique domain_key (or, never in practice, the tenant id) is taken, also by a concurrent add.
            if (DuplicateKeys.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * One statement on a plain connection in autocommit ({@code @Connectable}), or on the caller's
     * transaction's connection: the repository's {@code findById} wrapped the same SELECT in four
     * more round trips (read-only on and off, each checked first), on the path of every order, software
     * list, key and download link. Measured in bench/ (docs/performance.md).
     */
    @Override
    @Connectable
    public Optional<Customer> byTenantId(String tenantId) {
        return JdbcRows.one(jdbc, BY_TENANT_ID, row -> toCustomer(new CustomerRow(row.getString("tenant_id"),
                row.getString("company_name"), null, row.getString("domain"), null, row.getString("country"),
                JdbcRows.instant(row, "created_at"), row.getString("billing_first_name"), row.getString("billing_last_name"),
                row.getString("billing_email"), row.getString("billing_culture"), row.getString("billing_language"),
                row.getString("billing_company_name"), row.getString("address_region"), row.getString("address_city"),
                row.getString("address_state"), row.getString("address_line1"), row.getString("address_line2"),
                row.getString("address_line3"), row.getString("address_postal_code"), row.getString("address_first_name"),
                row.getString("address_last_name"), row.getString("address_phone_number"))), tenantId);
    }

    @Override
    public Optional<Customer> byDomain(String domain) {
        return repository.findByDomainKey(key(domain)).map(CustomersJdbcAdapter::toCustomer);
    }

    @Override
    public List<Customer> page(Optional<String> prefix, Optional<Cursor> after, int limit) {
        if (limit < 1) {
            return List.of();
        }
        List<CustomerRow> rows;
        if (prefix.isPresent()) {
            String pattern = startsWith(prefix.get());
            rows = after.map(c -> repository.pageAfterMatching(pattern, c.companyName(), c.tenantId(), limit))
                    .orElseGet(() -> repository.firstPageMatching(pattern, limit));
        } else {
            rows = after.map(c -> repository.pageAfter(c.companyName(), c.tenantId(), limit))
                    .orElseGet(() -> repository.firstPage(limit));
        }
        return rows.stream().map(CustomersJdbcAdapter::toCustomer).toList();
    }

    @Override
    public long count(Optional<String> prefix) {
        return prefix.map(p -> repository.countMatching(startsWith(p))).orElseGet(repository::count);
    }

    private static CustomerRow toRow(Customer customer) {
        BillingProfile billing = customer.billingProfile();
        PostalAddress address = billing.defaultAddress();
        return new CustomerRow(customer.tenantId(), customer.companyName(), key(customer.companyName()),
                customer.domain(), key(customer.domain()), customer.country().code(), customer.createdAt(),
                billing.firstName(), billing.lastName(), billing.email(), billing.culture(), billing.language(),
                billing.companyName(), address.region(), address.city(), address.state(), address.addressLine1(),
                address.addressLine2(), address.addressLine3(), address.postalCode(), address.firstName(),
                address.lastName(), address.phoneNumber());
    }

    private static Customer toCustomer(CustomerRow row) {
        PostalAddress address = new PostalAddress(row.addressRegion(), row.addressCity(), row.addressState(),
                row.addressLine1(), row.addressLine2(), row.addressLine3(), row.addressPostalCode(), row.addressFirstName(),
                row.addressLastName(), row.addressPhoneNumber());
        BillingProfile billing = new BillingProfile(row.billingFirstName(), row.billingLastName(), row.billingEmail(),
                row.billingCulture(), row.billingLanguage(),
                row.billingCompanyName() == null ? row.companyName() : row.billingCompanyName(), address);
        return new Customer(row.tenantId(), row.companyName(), row.domain(), Market.of(row.country()), row.createdAt(),
                billing);
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    /** A LIKE pattern for "starts with", the prefix's own %, _ and ! escaped with '!'. */
    static String startsWith(String prefix) {
        String lower = prefix.strip().toLowerCase(Locale.ROOT);
        StringBuilder pattern = new StringBuilder(lower.length() + 1);
        for (char c : lower.toCharArray()) {
            if (c == '!' || c == '%' || c == '_') {
                pattern.append('!');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
