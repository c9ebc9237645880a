package com.cspdesk.adapters.memory.customers;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.customers.port.out.Customers;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The customers by tenant id, with the lower-cased domain as a unique key (as the JDBC adapter's
 * domain_key). Pages are keyset pages in (company name, tenant id) order; a prefix matches the
 * start of the lower-cased name or domain, its characters taken literally.
 */
@Singleton
@Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
class MemoryCustomers implements Customers {

    private static final Comparator<Cursor> ORDER = Comparator.comparing(Cursor::companyName)
            .thenComparing(Cursor::tenantId);

    private final MemoryTransactions transactions;
    private final TreeMap<Cursor, Customer> inOrder = new TreeMap<>(ORDER);
    private final Map<String, Customer> byTenantId = new HashMap<>();
    private final Map<String, Customer> byDomainKey = new HashMap<>();

    MemoryCustomers(MemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean add(Customer customer) {
        String domainKey = key(customer.domain());
        return transactions.inTransaction(() -> {
            if (byTenantId.containsKey(customer.tenantId()) || byDomainKey.containsKey(domainKey)) {
                return false;
            }
            return transactions.change(() -> {
                byTenantId.put(customer.tenantId(), customer);
                byDomainKey.put(domainKey, customer);
                inOrder.put(positionOf(customer), customer);
                return true;
            }, () -> {
                byTenantId.remove(customer.tenantId());
                byDomainKey.remove(domainKey);
                inOrder.remove(positionOf(customer));
            });
        });
    }

    @Override
    public Optional<Customer> byTenantId(String tenantId) {
        return transactions.read(() -> Optional.ofNullable(byTenantId.get(tenantId)));
    }

    @Override
    public Optional<Customer> byDomain(String domain) {
        return transactions.read(() -> Optional.ofNullable(byDomainKey.get(key(domain))));
    }

    @Override
    public List<Customer> page(Optional<String> prefix, Optional<Cursor> after, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return transactions.read(() -> after.map(cursor -> inOrder.tailMap(cursor, false)).orElse(inOrder).values()
                .stream().filter(matching(prefix)).limit(limit).toList());
    }

    @Override
    public long count(Optional<String> prefix) {
        return transactions.read(() -> byTenantId.values().stream().filter(matching(prefix)).count());
    }

    private static Predicate<Customer> matching(Optional<String> prefix) {
        return prefix.map(MemoryCustomers::key).<Predicate<Customer>>map(start ->
                customer -> key(customer.companyName()).startsWith(start) || key(customer.domain()).startsWith(start))
                .orElse(customer -> true);
    }

    private static Cursor positionOf(Customer customer) {
        return new Cursor(customer.companyName(), customer.tenantId());
    }

    private static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
