package com.cspdesk.adapters.persistence.subscriptions;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter;
import com.cspdesk.application.portfolio.port.out.SubscriptionsAcrossCustomers;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every customer's subscriptions in term-end order. Active ones in a term-end range (renewals due) are a range of
 * ix_subscription_due in its own order; a customer's are its few rows sorted; the product filter reads the line.
 */
@StoredInDatabase
@Singleton
class SubscriptionsAcrossCustomersJdbcAdapter implements SubscriptionsAcrossCustomers {

    private final JdbcOperations jdbc;

    SubscriptionsAcrossCustomersJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @ReadOnly
    public List<CustomerSubscription> page(AcrossCustomersFilter filter, Optional<AcrossCustomersFilter.Position> after,
                                           int limit) {
        if (limit < 1) {
            return List.of();
        }
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        filter.customerTenantId().ifPresent(tenant -> {
            where.append(" AND s.customer_tenant_id = ?");
            parameters.add(tenant);
        });
        filter.productId().ifPresent(product -> {
            where.append(" AND l.product_id = ?");
            parameters.add(product);
        });
        filter.status().ifPresent(status -> {
            switch (status) {
                // As shown: a first-term line cancelled with its order is a cancelled subscription.
                case "active" -> where.append(" AND s.status = 'active' AND l.status <> 'cancelled'");
                case "cancelled" -> where.append(" AND (s.status = 'cancelled' OR (s.status = 'active' AND l.status = 'cancelled'))");
                default -> {
                    where.append(" AND s.status = ?");
                    parameters.add(status);
                }
            }
        });
        filter.from().ifPresent(from -> {
            where.append(" AND s.term_end >= ?");
            parameters.add(from);
        });
        filter.to().ifPresent(to -> {
            where.append(" AND s.term_end < ?");
            parameters.add(to);
        });
        after.ifPresent(position -> {
            where.append(" AND (s.term_end > ? OR (s.term_end = ? AND s.id > ?))");
            parameters.add(position.at());
            parameters.add(position.at());
            parameters.add(position.id());
        });
        parameters.add(limit);
        String sql = SubscriptionsJdbcAdapter.SELECT.replace(" FROM subscription s", ", COALESCE(c.company_name, s.customer_tenant_id)"
                + " AS customer_name FROM subscription s")
                + " LEFT JOIN customer c ON c.tenant_id = s.customer_tenant_id" + where + " ORDER BY s.term_end, s.id LIMIT ?";
        return JdbcRows.list(jdbc, sql, row -> new CustomerSubscription(SubscriptionsJdbcAdapter.stored(row),
                row.getString("customer_name")), parameters.toArray());
    }
}
