package com.cspdesk.adapters.persistence.ordering;

import com.cspdesk.adapters.persistence.shared.CustomerNames;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.NewestFirstRange;
import com.cspdesk.adapters.persistence.shared.OrderRows;
import com.cspdesk.adapters.persistence.shared.Sql;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.ordering.port.out.Orders.StoredLine;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter.Position;
import com.cspdesk.application.portfolio.port.out.OrdersAcrossCustomers;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every customer's orders, newest first, each page one range of an index in the page's order (V20): without a
 * filter ix_customer_order_created, for a customer ix_customer_order_tenant_created, for a status
 * ix_customer_order_status_created — the other filters checked on that range's rows. A product without a
 * customer is read from order_line's ix_order_line_product_created (product, the order's creation, order id),
 * whose rows are the orders with a line of it in the list's order; the orders are then read by primary key (a
 * status checked there), batch after batch until the page is full. Then, by primary key too, the pages' lines and
 * customer names. Each statement on a plain connection in autocommit, as the other reads ({@code @Connectable}).
 */
@StoredInDatabase
@Singleton
@Connectable
class OrdersAcrossCustomersJdbcAdapter implements OrdersAcrossCustomers {

    private static final int LEAST_PRODUCT_BATCH = 100;

    private final JdbcOperations jdbc;

    OrdersAcrossCustomersJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CustomerOrder> page(AcrossCustomersFilter filter, Optional<Position> after, int limit) {
        if (limit < 1) {
            return List.of();
        }
        List<StoredOrder> heads = filter.productId().isPresent() && filter.customerTenantId().isEmpty()
                ? byProduct(filter, after, limit)
                : byOrder(filter, after, limit);
        Map<String, List<StoredLine>> lines = linesOf(heads);
        Map<String, String> names = CustomerNames.of(jdbc, heads.stream().map(StoredOrder::customerTenantId).toList());
        return heads.stream().map(head -> new CustomerOrder(OrderRows.withLines(head, lines.getOrDefault(head.id(), List.of())),
                names.getOrDefault(head.customerTenantId(), ""))).toList();
    }

    private List<StoredOrder> byOrder(AcrossCustomersFilter filter, Optional<Position> after, int limit) {
        Sql sql = ordersSql(filter, after, limit);
        return JdbcRows.list(jdbc, sql.text(), OrderRows::head, sql.parameterArray());
    }

    /** The page read on customer_order (a customer's, a status's or every order's index range). */
    static Sql ordersSql(AcrossCustomersFilter filter, Optional<Position> after, int limit) {
        StringBuilder sql = new StringBuilder(OrderRows.ORDER).append(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        filter.customerTenantId().ifPresent(tenant -> {
            sql.append(" AND customer_tenant_id = ?");
            parameters.add(tenant);
        });
        filter.status().ifPresent(status -> {
            sql.append(" AND status = ?");
            parameters.add(status);
        });
        NewestFirstRange.append(sql, parameters, "created_at", "id", filter, after);
        filter.productId().ifPresent(product -> {
            sql.append(" AND EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = customer_order.id AND l.product_id = ?)");
            parameters.add(product);
        });
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        parameters.add(limit);
        return new Sql(sql.toString(), parameters);
    }

    /** The next order ids with a line of the product, on ix_order_line_product_created. */
    static Sql productSql(AcrossCustomersFilter filter, Optional<Position> after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT order_id, order_created_at FROM order_line WHERE product_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(filter.productId().orElseThrow()));
        NewestFirstRange.append(sql, parameters, "order_created_at", "order_id", filter, after);
        sql.append(" ORDER BY order_created_at DESC, order_id DESC LIMIT ?");
        parameters.add(limit);
        return new Sql(sql.toString(), parameters);
    }

    /** Orders with a line of the product: order ids from the product's index range, then the orders themselves. */
    private List<StoredOrder> byProduct(AcrossCustomersFilter filter, Optional<Position> after, int limit) {
        int batch = Math.max(LEAST_PRODUCT_BATCH, limit * 2);
        List<StoredOrder> found = new ArrayList<>();
        Optional<Position> from = after;
        while (found.size() < limit) {
            Sql sql = productSql(filter, from, batch);
            List<Position> candidates = JdbcRows.list(jdbc, sql.text(),
                    row -> new Position(JdbcRows.instant(row, "order_created_at"), row.getString("order_id")),
                    sql.parameterArray());
            Set<String> ids = new LinkedHashSet<>();
            candidates.forEach(candidate -> ids.add(candidate.id()));
            found.addAll(orders(ids, filter.status()));
            if (candidates.size() < batch) {
                break;
            }
            from = Optional.of(candidates.get(candidates.size() - 1));
        }
        found.sort(Comparator.comparing(StoredOrder::createdAt).thenComparing(StoredOrder::id).reversed());
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    private List<StoredOrder> orders(Set<String> ids, Optional<String> status) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>(ids);
        String sql = OrderRows.ORDER + " WHERE id IN (" + CustomerNames.placeholders(ids.size()) + ")";
        if (status.isPresent()) {
            sql += " AND status = ?";
            parameters.add(status.get());
        }
        return JdbcRows.list(jdbc, sql, OrderRows::head, parameters.toArray());
    }

    /** The lines of these orders (one query on order_line's primary key), by order id, in line item order. */
    private Map<String, List<StoredLine>> linesOf(List<StoredOrder> heads) {
        if (heads.isEmpty()) {
            return Map.of();
        }
        Map<String, Currency> currencies = new LinkedHashMap<>();
        heads.forEach(head -> currencies.put(head.id(), head.currency()));
        Map<String, List<StoredLine>> byOrder = new LinkedHashMap<>();
        JdbcRows.list(jdbc, OrderRows.LINE + " WHERE order_id IN (" + CustomerNames.placeholders(heads.size()) + ")"
                        + " ORDER BY order_id, line_item_number",
                row -> {
                    String orderId = row.getString("order_id");
                    byOrder.computeIfAbsent(orderId, id -> new ArrayList<>()).add(OrderRows.line(row, currencies.get(orderId)));
                    return orderId;
                }, currencies.keySet().toArray());
        return byOrder;
    }
}
