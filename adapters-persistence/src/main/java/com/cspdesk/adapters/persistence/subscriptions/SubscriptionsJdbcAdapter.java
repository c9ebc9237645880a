package com.cspdesk.adapters.persistence.subscriptions;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.ordering.port.out.SubscriptionStarts;
import com.cspdesk.application.subscriptions.port.out.Subscriptions;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.subscription.Subscription;
import com.cspdesk.domain.subscription.SubscriptionStatus;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * V22's {@code subscription}, read with what its order line says of it (one join on the line's
 * primary key, one on the order's). The order's subscriptions are written with one batched INSERT;
 * a change is one conditional UPDATE on (term number, status, auto-renew): of two instances deciding
 * from the same state, only the first changes a row.
 */
@StoredInDatabase
@Singleton
@Transactional
class SubscriptionsJdbcAdapter implements Subscriptions, SubscriptionStarts {

    static final String SELECT = "SELECT s.id, s.customer_tenant_id, s.order_id, s.line_item_number, s.kind,"
            + " s.term_duration, s.currency, s.charge_net, s.charge_tax, s.charge_gross, s.created_at, s.term_number,"
            + " s.term_start, s.term_end, s.auto_renew, s.status, l.offer_id, l.friendly_name, l.quantity,"
            + " l.status AS line_status, o.billing_cycle"
            + " FROM subscription s JOIN order_line l ON l.order_id = s.order_id AND l.line_item_number = s.line_item_number"
            + " JOIN customer_order o ON o.id = s.order_id";

    private final JdbcOperations jdbc;

    SubscriptionsJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void start(List<Subscription> subscriptions) {
        List<Object[]> rows = new ArrayList<>();
        for (Subscription s : subscriptions) {
            rows.add(new Object[]{s.id(), s.customerTenantId(), s.orderId(), s.lineItemNumber(), s.kind().name(),
                    s.term().name(), s.chargePerTerm().currency().getCurrencyCode(), s.chargePerTerm().net(),
                    s.chargePerTerm().tax(), s.chargePerTerm().gross(), s.createdAt(), s.termNumber(), s.termStart(),
                    s.termEnd(), s.autoRenew(), s.status().code()});
        }
        JdbcRows.batch(jdbc, "INSERT INTO subscription (id, customer_tenant_id, order_id, line_item_number, kind,"
                + " term_duration, currency, charge_net, charge_tax, charge_gross, created_at, term_number, term_start,"
                + " term_end, auto_renew, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    @Override
    @ReadOnly
    public Optional<Stored> find(String customerTenantId, String subscriptionId) {
        return JdbcRows.one(jdbc, SELECT + " WHERE s.customer_tenant_id = ? AND s.id = ?",
                SubscriptionsJdbcAdapter::stored, customerTenantId, subscriptionId);
    }

    @Override
    @ReadOnly
    public List<Stored> page(String customerTenantId, Optional<Cursor> after, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return after.map(cursor -> JdbcRows.list(jdbc, SELECT + " WHERE s.customer_tenant_id = ?"
                                + " AND (s.created_at < ? OR (s.created_at = ? AND s.id < ?))"
                                + " ORDER BY s.created_at DESC, s.id DESC LIMIT ?", SubscriptionsJdbcAdapter::stored,
                        customerTenantId, cursor.createdAt(), cursor.createdAt(), cursor.subscriptionId(), limit))
                .orElseGet(() -> JdbcRows.list(jdbc, SELECT + " WHERE s.customer_tenant_id = ?"
                        + " ORDER BY s.created_at DESC, s.id DESC LIMIT ?", SubscriptionsJdbcAdapter::stored,
                        customerTenantId, limit));
    }

    @Override
    @ReadOnly
    public long count(String customerTenantId) {
        return JdbcRows.count(jdbc, "SELECT COUNT(*) FROM subscription WHERE customer_tenant_id = ?", customerTenantId);
    }

    /** On ix_subscription_due: the active range up to now, in term-end order, no sort. */
    @Override
    @ReadOnly
    public List<Stored> due(Instant now, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return JdbcRows.list(jdbc, SELECT + " WHERE s.status = ? AND s.term_end <= ? ORDER BY s.term_end, s.id LIMIT ?",
                SubscriptionsJdbcAdapter::stored, SubscriptionStatus.ACTIVE.code(), now, limit);
    }

    @Override
    public boolean replace(Subscription before, Subscription after) {
        if (!before.id().equals(after.id())) {
            throw new IllegalArgumentException("a subscription is replaced by itself changed: " + before.id() + " " + after.id());
        }
        return JdbcRows.update(jdbc, "UPDATE subscription SET term_number = ?, term_start = ?, term_end = ?, auto_renew = ?,"
                        + " status = ? WHERE id = ? AND term_number = ? AND status = ? AND auto_renew = ?",
                after.termNumber(), after.termStart(), after.termEnd(), after.autoRenew(), after.status().code(),
                before.id(), before.termNumber(), before.status().code(), before.autoRenew()) == 1;
    }

    static Stored stored(ResultSet row) throws SQLException {
        Currency currency = Currency.getInstance(row.getString("currency"));
        PriceQuote charge = new PriceQuote(JdbcRows.money(row, "charge_net", currency),
                JdbcRows.money(row, "charge_tax", currency), JdbcRows.money(row, "charge_gross", currency));
        Subscription subscription = new Subscription(row.getString("id"), row.getString("customer_tenant_id"),
                row.getString("order_id"), row.getInt("line_item_number"), ProductKind.valueOf(row.getString("kind")),
                TermDuration.valueOf(row.getString("term_duration")), charge, JdbcRows.instant(row, "created_at"),
                row.getInt("term_number"), JdbcRows.instant(row, "term_start"), JdbcRows.instant(row, "term_end"),
                row.getBoolean("auto_renew"), SubscriptionStatus.fromCode(row.getString("status"))
                .orElseThrow(() -> new IllegalStateException("unknown subscription status in the database")));
        return new Stored(subscription, row.getString("offer_id"), row.getString("friendly_name"), row.getInt("quantity"),
                row.getString("billing_cycle"), LineStatus.CANCELLED.code().equals(row.getString("line_status")));
    }
}
