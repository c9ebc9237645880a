package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.shared.CustomerNames;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.NewestFirstRange;
import com.cspdesk.adapters.persistence.shared.Sql;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter.Position;
import com.cspdesk.application.portfolio.port.out.SoftwareAcrossCustomers;
import com.cspdesk.application.software.port.out.Entitlements.Entitlement;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The licence inventory: every customer's entitlements newest purchase first, each page one range of an index in
 * the page's order (V20): without a filter ix_software_entitlement_purchased, for a customer
 * ix_software_entitlement_tenant, for a product ix_software_entitlement_product_purchased, for a status
 * ix_software_entitlement_status_purchased — another filter checked on that range's rows. Then, by primary key,
 * the lines' quantities and the customers' names. Rows as {@link OwnedSoftwareJdbcAdapter} reads them.
 */
@StoredInDatabase
@Singleton
@Connectable
class SoftwareAcrossCustomersJdbcAdapter implements SoftwareAcrossCustomers {

    private final JdbcOperations jdbc;

    SoftwareAcrossCustomersJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CustomerSoftware> page(AcrossCustomersFilter filter, Optional<Position> after, int limit) {
        if (limit < 1) {
            return List.of();
        }
        Sql sql = pageSql(filter, after, limit);
        List<Entitlement> rows = JdbcRows.list(jdbc, sql.text(), OwnedSoftwareJdbcAdapter::entitlement, sql.parameterArray());
        Map<String, Integer> quantities = quantities(rows);
        Map<String, String> names = CustomerNames.of(jdbc, rows.stream().map(Entitlement::customerTenantId).toList());
        return rows.stream().map(e -> new CustomerSoftware(e, names.getOrDefault(e.customerTenantId(), ""),
                quantities.getOrDefault(line(e.orderId(), e.lineItemNumber()), 0))).toList();
    }

    /** The page's entitlements: one index range (the customer's, the product's, the status's or every row's). */
    static Sql pageSql(AcrossCustomersFilter filter, Optional<Position> after, int limit) {
        StringBuilder sql = new StringBuilder(OwnedSoftwareJdbcAdapter.ENTITLEMENT).append(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        filter.customerTenantId().ifPresent(tenant -> {
            sql.append(" AND customer_tenant_id = ?");
            parameters.add(tenant);
        });
        filter.productId().ifPresent(product -> {
            sql.append(" AND product_id = ?");
            parameters.add(product);
        });
        filter.status().ifPresent(status -> {
            sql.append(" AND status = ?");
            parameters.add(status);
        });
        NewestFirstRange.append(sql, parameters, "purchased_at", "id", filter, after);
        sql.append(" ORDER BY purchased_at DESC, id DESC LIMIT ?");
        parameters.add(limit);
        return new Sql(sql.toString(), parameters);
    }

    /** The order lines' quantities, by order id and line number, read on order_line's primary key. */
    private Map<String, Integer> quantities(List<Entitlement> rows) {
        List<String> orderIds = rows.stream().map(Entitlement::orderId).distinct().toList();
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Integer> quantities = new HashMap<>();
        JdbcRows.list(jdbc, "SELECT order_id, line_item_number, quantity FROM order_line WHERE order_id IN ("
                        + CustomerNames.placeholders(orderIds.size()) + ")",
                row -> Map.entry(line(row.getString("order_id"), row.getInt("line_item_number")), row.getInt("quantity")),
                orderIds.toArray()).forEach(quantity -> quantities.put(quantity.getKey(), quantity.getValue()));
        return quantities;
    }

    private static String line(String orderId, int lineItemNumber) {
        return orderId + '#' + lineItemNumber;
    }
}
