package com.cspdesk.adapters.persistence.shared;

import com.cspdesk.application.ordering.port.out.Orders.StoredLine;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import com.cspdesk.domain.reservation.ReservationProvisioning;
import com.cspdesk.domain.reservation.ReservationScope;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How an order and its lines are read from {@code customer_order} and {@code order_line}: one
 * column list and one mapping for everyone who reads them (the orders adapter, and cancellation,
 * which reads the same rows under a lock).
 */
public final class OrderRows {

    public static final String ORDER = "SELECT id, customer_tenant_id, billing_cycle, currency, created_at, status,"
            + " total_net, total_tax, total_gross, created_by FROM customer_order";
    public static final String LINE = "SELECT order_id, line_item_number, offer_id, product_id, sku_id, availability_id,"
            + " friendly_name, kind, term_duration, quantity, unit_price, net, tax, gross, tax_included, status,"
            + " credited_net, credited_tax, credited_gross, cancelled_at,"
            + " reservation_subscription_id, reservation_scope, reservation_resource_group FROM order_line";

    private OrderRows() {
    }

    /** A row of {@link #ORDER}, without its lines (they come from another query). */
    public static StoredOrder head(ResultSet row) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        return new StoredOrder(row.getString("id"), row.getString("customer_tenant_id"), row.getString("billing_cycle"),
                currency, JdbcRows.instant(row, "created_at"),
                byCode(OrderStatus.values(), OrderStatus::code, row.getString("status")),
                quote(row, "total_net", "total_tax", "total_gross", currency), row.getString("created_by"), List.of());
    }

    public static StoredOrder withLines(StoredOrder head, List<StoredLine> lines) {
        return new StoredOrder(head.id(), head.customerTenantId(), head.billingCycle(), head.currency(), head.createdAt(),
                head.status(), head.totals(), head.createdBy(), lines);
    }

    /** A row of {@link #LINE}, in its order's currency. */
    public static StoredLine line(ResultSet row, Currency currency) throws SQLException {
        String term = row.getString("term_duration");
        return new StoredLine(row.getInt("line_item_number"), row.getString("offer_id"), row.getString("product_id"),
                row.getString("sku_id"), row.getString("availability_id"), row.getString("friendly_name"),
                ProductKind.valueOf(row.getString("kind")), term == null ? TermDuration.NONE : TermDuration.valueOf(term),
                row.getInt("quantity"), JdbcRows.money(row, "unit_price", currency),
                quote(row, "net", "tax", "gross", currency), row.getBoolean("tax_included"),
                byCode(LineStatus.values(), LineStatus::code, row.getString("status")),
                quote(row, "credited_net", "credited_tax", "credited_gross", currency),
                JdbcRows.optionalInstant(row, "cancelled_at"), provisioning(row));
    }

    /** Where a reservation line applies (issue #16); empty for other lines and for reservations bought before. */
    private static Optional<ReservationProvisioning> provisioning(ResultSet row) throws SQLException {
        String subscription = row.getString("reservation_subscription_id");
        if (subscription == null) {
            return Optional.empty();
        }
        ReservationScope scope = ReservationScope.parse(row.getString("reservation_scope"))
                .orElseThrow(() -> new IllegalStateException("unknown reservation scope in the database"));
        return Optional.of(new ReservationProvisioning(subscription, scope,
                Optional.ofNullable(row.getString("reservation_resource_group"))));
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
