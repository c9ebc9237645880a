package com.cspdesk.adapters.persistence.ordering;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders with their lines, every query keyed by the customer's tenant id. An order and its lines
 * are written in one transaction (the caller's, or one of their own).
 */
@Singleton
@Transactional
class OrdersJdbcAdapter implements Orders {

    private static final String ORDER = "SELECT id, customer_tenant_id, billing_cycle, currency, created_at, status,"
            + " total_net, total_tax, total_gross, created_by FROM customer_order";
    private static final String LINE = "SELECT order_id, line_item_number, offer_id, product_id, sku_id, availability_id,"
            + " friendly_name, kind, term_duration, quantity, unit_price, net, tax, gross, tax_included, status,"
            + " credited_net, credited_tax, credited_gross, cancelled_at FROM order_line";

    private final JdbcOperations jdbc;

    OrdersJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(StoredOrder order) {
        JdbcRows.update(jdbc, "INSERT INTO customer_order (id, customer_tenant_id, billing_cycle, currency, created_at,"
                        + " status, total_net, total_tax, total_gross, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                order.id(), order.customerTenantId(), order.billingCycle(), order.currency().getCurrencyCode(),
                order.createdAt(), order.status().code(), order.totals().net(), order.totals().tax(),
                order.totals().gross(), order.createdBy());
        List<Object[]> lines = new ArrayList<>();
        for (StoredLine line : order.lines()) {
            lines.add(new Object[]{order.id(), line.lineItemNumber(), order.customerTenantId(), line.offerId(),
                    line.productId(), line.skuId(), line.availabilityId(), line.friendlyName(), line.kind().name(),
                    line.term().code().orElse(null), line.quantity(), line.unitPrice(), line.charged().net(),
                    line.charged().tax(), line.charged().gross(), line.taxIncluded(), line.status().code(),
                    line.credited().net(), line.credited().tax(), line.credited().gross(),
                    line.cancelledAt().orElse(null)});
        }
        JdbcRows.batch(jdbc, "INSERT INTO order_line (order_id, line_item_number, customer_tenant_id, offer_id, product_id,"
                + " sku_id, availability_id, friendly_name, kind, term_duration, quantity, unit_price, net, tax, gross,"
                + " tax_included, status, credited_net, credited_tax, credited_gross, cancelled_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines);
    }

    @Override
    public Optional<StoredOrder> find(String customerTenantId, String orderId) {
        return JdbcRows.one(jdbc, ORDER + " WHERE customer_tenant_id = ? AND id = ?", OrderHead::of,
                        customerTenantId, orderId)
                .map(head -> head.withLines(linesOf(customerTenantId, List.of(head)).getOrDefault(head.id(), List.of())));
    }

    @Override
    public List<StoredOrder> page(String customerTenantId, Optional<Cursor> after, int limit) {
        if (limit < 1) {
            return List.of();
        }
        List<OrderHead> heads = after
                .map(cursor -> JdbcRows.list(jdbc, ORDER + " WHERE customer_tenant_id = ?"
                                + " AND (created_at < ? OR (created_at = ? AND id < ?))"
                                + " ORDER BY created_at DESC, id DESC LIMIT ?", OrderHead::of,
                        customerTenantId, cursor.createdAt(), cursor.createdAt(), cursor.orderId(), limit))
                .orElseGet(() -> JdbcRows.list(jdbc, ORDER + " WHERE customer_tenant_id = ?"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?", OrderHead::of, customerTenantId, limit));
        Map<String, List<StoredLine>> lines = linesOf(customerTenantId, heads);
        return heads.stream().map(head -> head.withLines(lines.getOrDefault(head.id(), List.of()))).toList();
    }

    @Override
    public long count(String customerTenantId) {
        return JdbcRows.count(jdbc, "SELECT COUNT(*) FROM customer_order WHERE customer_tenant_id = ?", customerTenantId);
    }

    /** The lines of these orders (one query), by order id, in line item order. */
    private Map<String, List<StoredLine>> linesOf(String customerTenantId, List<OrderHead> heads) {
        if (heads.isEmpty()) {
            return Map.of();
        }
        Map<String, Currency> currencies = new LinkedHashMap<>();
        heads.forEach(head -> currencies.put(head.id(), head.currency()));
        Object[] parameters = new Object[heads.size() + 1];
        parameters[0] = customerTenantId;
        for (int i = 0; i < heads.size(); i++) {
            parameters[i + 1] = heads.get(i).id();
        }
        String placeholders = String.join(", ", Collections.nCopies(heads.size(), "?"));
        Map<String, List<StoredLine>> byOrder = new LinkedHashMap<>();
        JdbcRows.list(jdbc, LINE + " WHERE customer_tenant_id = ? AND order_id IN (" + placeholders + ")"
                        + " ORDER BY order_id, line_item_number",
                row -> {
                    String orderId = row.getString("order_id");
                    byOrder.computeIfAbsent(orderId, id -> new ArrayList<>()).add(line(row, currencies.get(orderId)));
                    return orderId;
                }, parameters);
        return byOrder;
    }

    private static StoredLine line(ResultSet row, Currency currency) throws SQLException {
        String term = row.getString("term_duration");
        return new StoredLine(row.getInt("line_item_number"), row.getString("offer_id"), row.getString("product_id"),
                row.getString("sku_id"), row.getString("availability_id"), row.getString("friendly_name"),
                ProductKind.valueOf(row.getString("kind")), term == null ? TermDuration.NONE : TermDuration.valueOf(term),
                row.getInt("quantity"), JdbcRows.money(row, "unit_price", currency),
                quote(row, "net", "tax", "gross", currency), row.getBoolean("tax_included"),
                byCode(LineStatus.values(), LineStatus::code, row.getString("status")),
                quote(row, "credited_net", "credited_tax", "credited_gross", currency),
                JdbcRows.optionalInstant(row, "cancelled_at"));
    }

    private static PriceQuote quote(ResultSet row, String net, String tax, String gross, Currency currency)
            throws SQLException {
        return new PriceQuote(JdbcRows.money(row, net, currency), JdbcRows.money(row, tax, currency),
                JdbcRows.money(row, gross, currency));
    }

    private static <E> E byCode(E[] values, java.util.function.Function<E, String> code, String stored) {
        return Arrays.stream(values).filter(v -> code.apply(v).equals(stored)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown status in the database: " + stored));
    }

    /** An order row before its lines are read. */
    private record OrderHead(String id, String customerTenantId, String billingCycle, Currency currency,
                             java.time.Instant createdAt, OrderStatus status, PriceQuote totals, String createdBy) {

        static OrderHead of(ResultSet row) throws SQLException {
            Currency currency = Currency.getInstance(row.getString("currency"));
            return new OrderHead(row.getString("id"), row.getString("customer_tenant_id"),
                    row.getString("billing_cycle"), currency, JdbcRows.instant(row, "created_at"),
                    byCode(OrderStatus.values(), OrderStatus::code, row.getString("status")),
                    quote(row, "total_net", "total_tax", "total_gross", currency), row.getString("created_by"));
        }

        StoredOrder withLines(List<StoredLine> lines) {
            return new StoredOrder(id, customerTenantId, billingCycle, currency, createdAt, status, totals, createdBy, lines);
        }
    }
}
