package com.cspdesk.adapters.memory.testing;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.SecretSealing;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plain stand-ins for the ports this module's adapters read but another part of the memory adapter
 * keeps (orders, customers, entitlements) and for secret sealing. {@code @Secondary}: the real
 * memory adapters of those ports take their place wherever they are on the class path.
 */
final class StandInsForOtherPorts {

    private StandInsForOtherPorts() {
    }

    @Singleton
    @Secondary
    @Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
    static class StandInOrders implements Orders {

        private final Map<String, StoredOrder> orders = new ConcurrentHashMap<>();

        @Override
        public void add(StoredOrder order) {
            if (orders.putIfAbsent(order.id(), order) != null) {
                throw new IllegalStateException("order " + order.id() + " exists");
            }
        }

        @Override
        public Optional<StoredOrder> find(String customerTenantId, String orderId) {
            return Optional.ofNullable(orders.get(orderId)).filter(o -> o.customerTenantId().equals(customerTenantId));
        }

        @Override
        public List<StoredOrder> page(String customerTenantId, Optional<Cursor> after, int limit) {
            return orders.values().stream().filter(o -> o.customerTenantId().equals(customerTenantId))
                    .sorted(Comparator.comparing(StoredOrder::createdAt).thenComparing(StoredOrder::id).reversed())
                    .limit(limit).toList();
        }

        @Override
        public long count(String customerTenantId) {
            return orders.values().stream().filter(o -> o.customerTenantId().equals(customerTenantId)).count();
        }
    }

    @Singleton
    @Secondary
    @Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
    static class StandInCustomers implements Customers {

        private final Map<String, Customer> customers = new ConcurrentHashMap<>();

        @Override
        public boolean add(Customer customer) {
            return customers.putIfAbsent(customer.tenantId(), customer) == null;
        }

        @Override
        public Optional<Customer> byTenantId(String tenantId) {
            return Optional.ofNullable(customers.get(tenantId));
        }

        @Override
        public Optional<Customer> byDomain(String domain) {
            return customers.values().stream().filter(c -> c.domain().equalsIgnoreCase(domain)).findFirst();
        }

        @Override
        public List<Customer> page(Optional<String> prefix, Optional<Cursor> after, int limit) {
            throw new UnsupportedOperationException("not needed by these tests");
        }

        @Override
        public long count(Optional<String> prefix) {
            return customers.size();
        }
    }

    /** One bean for both software ports, as an adapter may well be: the decorations must keep both. */
    @Singleton
    @Secondary
    @Requires(property = MemoryTransactions.PERSISTENCE, value = MemoryTransactions.MEMORY)
    static class StandInSoftware implements Entitlements, OwnedSoftware {

        private final List<Entitlement> granted = new ArrayList<>();

        @Override
        public synchronized void grant(List<Entitlement> entitlements) {
            granted.addAll(entitlements);
        }

        @Override
        public synchronized List<Entitlement> ofCustomer(String customerTenantId) {
            return granted.stream().filter(e -> e.customerTenantId().equals(customerTenantId))
                    .sorted(Comparator.comparing(Entitlement::purchasedAt).reversed()).toList();
        }

        @Override
        public synchronized Optional<Entitlement> find(String customerTenantId, String entitlementId) {
            return granted.stream().filter(e -> e.customerTenantId().equals(customerTenantId) && e.id().equals(entitlementId))
                    .findFirst();
        }
    }

    /** Not encryption: a visibly different, context-bound form, enough to see the vault keeps only what was sealed. */
    @Singleton
    @Secondary
    static class StandInSealing implements SecretSealing {

        @Override
        public String seal(String clearText, String context) {
            return Base64.getEncoder().encodeToString((context + "|" + new StringBuilder(clearText).reverse())
                    .getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String open(String sealed, String context) {
            String opened = new String(Base64.getDecoder().decode(sealed), StandardCharsets.UTF_8);
            if (!opened.startsWith(context + "|")) {
                throw new IllegalStateException("does not open under " + context);
            }
            return new StringBuilder(opened.substring(context.length() + 1)).reverse().toString();
        }
    }
}
