package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.ordering.port.out.Orders.StoredLine;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
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
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Cancellation on the stored orders. The order row and then its lines are read with
 * {@code SELECT … FOR UPDATE} (always in that order, so two cancellations cannot deadlock on them):
 * a second cancellation of the same order waits for the first to commit and then reads what it
 * wrote. Both methods join the caller's transaction, which is what keeps the lock.
 * The row mapping is the one of {@code ordering.OrdersJdbcAdapter} (same columns, same shape).
 */
@Singleton
@Transactional
class OrderCancellationsJdbcAdapter implements OrderCancellations {

    private static final String ORDER = "SELECT id, customer_tenant_id, billing_cycle, currency, created_at, status,"
            + " total_net, total_tax, total_gross, created_by FROM customer_order";
    private static final String LINE = "SELECT order_id, line_item_number, offer_id, product_id, sku_id, availability_id,"
            + " friendly_name, kind, term_duration, quantity, unit_price, net, tax, gross, tax_included, status,"
            + " credited_net, credited_tax, credited_gross, cancelled_at FROM order_line";

    private final JdbcOperations jdbc;

    OrderCancellationsJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoredOrder> lockForCancellation(String customerTenantId, String orderId) {
        // The customer first: its reservation refund allowance (50,000 USD a year) is shared by all
        // its orders, so cancellations of two different orders of one customer must not both read
        // the old total. Always customer, then order: no two cancellations wait for each other in a circle.
        JdbcRows.one(jdbc, "SELECT tenant_id FROM customer WHERE tenant_id = ? FOR UPDATE", row -> row.getString(1),
                customerTenantId);
        Optional<StoredOrder> head = JdbcRows.one(jdbc, ORDER + " WHERE customer_tenant_id = ? AND id = ? FOR UPDATE",
                row -> head(row, List.of()), customerTenantId, orderId);
        return head.map(order -> {
            List<StoredLine> lines = JdbcRows.list(jdbc, LINE + " WHERE order_id = ? AND customer_tenant_id = ?"
                    + " ORDER BY line_item_number FOR UPDATE", row -> line(row, order.currency()), order.id(), customerTenantId);
            return new StoredOrder(order.id(), order.customerTenantId(), order.billingCycle(), order.currency(),
                    order.createdAt(), order.status(), order.totals(), order.createdBy(), lines);
        });
    }

    @Override
    public void markCancelled(String orderId, List<CancelledLine> lines, OrderStatus newStatus) {
        for (CancelledLine line : lines) {
            int updated = JdbcRows.update(jdbc, "UPDATE order_line SET status = ?, credited_net = ?, credited_tax = ?,"
                            + " credited_gross = ?, cancelled_at = ? WHERE order_id = ? AND line_item_number = ?",
                    LineStatus.CANCELLED.code(), line.credit().net(), line.credit().tax(), line.credit().gross(),
                    line.cancelledAt(), orderId, line.lineItemNumber());
            if (updated != 1) {
                throw new IllegalStateException("no line " + line.lineItemNumber() + " in order " + orderId);
            }
        }
        int updated = JdbcRows.update(jdbc, "UPDATE customer_order SET status = ? WHERE id = ?", newStatus.code(), orderId);
        if (updated != 1) {
            throw new IllegalStateException("no order " + orderId + " to mark " + newStatus.code());
        }
    }

    private static StoredOrder head(ResultSet row, List<StoredLine> lines) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        return new StoredOrder(row.getString("id"), row.getString("customer_tenant_id"), row.getString("billing_cycle"),
                currency, JdbcRows.instant(row, "created_at"),
                byCode(OrderStatus.values(), OrderStatus::code, row.getString("status")),
                quote(row, "total_net", "total_tax", "total_gross", currency), row.getString("created_by"), lines);
    }

    private static StoredLine line(ResultSet row, Currency currency) throws SQLException {
        String term = row.getString("term_duration");
        Optional<Instant> cancelledAt = JdbcRows.optionalInstant(row, "cancelled_at");
        return new StoredLine(row.getInt("line_item_number"), row.getString("offer_id"), row.getString("product_id"),
                row.getString("sku_id"), row.getString("availability_id"), row.getString("friendly_name"),
                ProductKind.valueOf(row.getString("kind")), term == null ? TermDuration.NONE : TermDuration.valueOf(term),
                row.getInt("quantity"), JdbcRows.money(row, "unit_price", currency),
                quote(row, "net", "tax", "gross", currency), row.getBoolean("tax_included"),
                byCode(LineStatus.values(), LineStatus::code, row.getString("status")),
                quote(row, "credited_net", "credited_tax", "credited_gross", currency), cancelledAt);
    }

    private static PriceQuote quote(ResultSet row, String net, String tax, String gross, Currency currency)
            throws SQLException {
        return new PriceQuote(JdbcRows.money(row, net, currency), JdbcRows.money(row, tax, currency),
                JdbcRows.money(row, gross, currency));
    }

    private static <E> E byCode(E[] values, Function<E, String> code, String stored) {
        return Arrays.stream(values).filter(v -> code.apply(v).equals(stored)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown status in the database: " + stored));
    }
}
