package com.cspdesk.adapters.persistence.ordering;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.OrderRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.reservation.ReservationProvisioning;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
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
@StoredInDatabase
@Singleton
@Transactional
class OrdersJdbcAdapter implements Orders {


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
                    line.cancelledAt().orElse(null), order.createdAt(),
                    line.provisioning().map(ReservationProvisioning::subscriptionId).orElse(null),
                    line.provisioning().map(p -> p.scope().code()).orElse(null),
                    line.provisioning().flatMap(ReservationProvisioning::resourceGroup).orElse(null)});
        }
        JdbcRows.batch(jdbc, "INSERT INTO order_line (order_id, line_item_number, customer_tenant_id, offer_id, product_id,"
                + " sku_id, availability_id, friendly_name, kind, term_duration, quantity, unit_price, net, tax, gross,"
                + " tax_included, status, credited_net, credited_tax, credited_gross, cancelled_at, order_created_at,"
                + " reservation_subscription_id, reservation_scope, reservation_resource_group)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines);
    }

    @Override
    public boolean changeProvisioning(String customerTenantId, String orderId, int lineItemNumber,
                                      ReservationProvisioning provisioning) {
        return JdbcRows.update(jdbc, "UPDATE order_line SET reservation_subscription_id = ?, reservation_scope = ?,"
                        + " reservation_resource_group = ? WHERE customer_tenant_id = ? AND order_id = ? AND line_item_number = ?"
                        + " AND status = ?",
                provisioning.subscriptionId(), provisioning.scope().code(), provisioning.resourceGroup().orElse(null),
                customerTenantId, orderId, lineItemNumber, LineStatus.ACTIVE.code()) == 1;
    }

    @Override
    public Optional<StoredOrder> find(String customerTenantId, String orderId) {
        return JdbcRows.one(jdbc, OrderRows.ORDER + " WHERE customer_tenant_id = ? AND id = ?", OrderRows::head,
                        customerTenantId, orderId)
                .map(head -> OrderRows.withLines(head, linesOf(customerTenantId, List.of(head)).getOrDefault(head.id(), List.of())));
    }

    @Override
    public List<StoredOrder> page(String customerTenantId, Optional<Cursor> after, int limit) {
        if (limit < 1) {
            return List.of();
        }
        List<StoredOrder> heads = after
                .map(cursor -> JdbcRows.list(jdbc, OrderRows.ORDER + " WHERE customer_tenant_id = ?"
                                + " AND (created_at < ? OR (created_at = ? AND id < ?))"
                                + " ORDER BY created_at DESC, id DESC LIMIT ?", OrderRows::head,
                        customerTenantId, cursor.createdAt(), cursor.createdAt(), cursor.orderId(), limit))
                .orElseGet(() -> JdbcRows.list(jdbc, OrderRows.ORDER + " WHERE customer_tenant_id = ?"
                        + " ORDER BY created_at DESC, id DESC LIMIT ?", OrderRows::head, customerTenantId, limit));
        Map<String, List<StoredLine>> lines = linesOf(customerTenantId, heads);
        return heads.stream().map(head -> OrderRows.withLines(head, lines.getOrDefault(head.id(), List.of()))).toList();
    }

    @Override
    public long count(String customerTenantId) {
        return JdbcRows.count(jdbc, "SELECT COUNT(*) FROM customer_order WHERE customer_tenant_id = ?", customerTenantId);
    }

    /** The lines of these orders (one query), by order id, in line item order. */
    private Map<String, List<StoredLine>> linesOf(String customerTenantId, List<StoredOrder> heads) {
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
        JdbcRows.list(jdbc, OrderRows.LINE + " WHERE customer_tenant_id = ? AND order_id IN (" + placeholders + ")"
                        + " ORDER BY order_id, line_item_number",
                row -> {
                    String orderId = row.getString("order_id");
                    byOrder.computeIfAbsent(orderId, id -> new ArrayList<>()).add(OrderRows.line(row, currencies.get(orderId)));
                    return orderId;
                }, parameters);
        return byOrder;
    }
}
