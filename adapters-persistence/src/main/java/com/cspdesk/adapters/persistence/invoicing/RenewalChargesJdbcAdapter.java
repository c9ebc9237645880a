package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.invoicing.port.out.RenewalCharges;
import com.cspdesk.domain.money.PriceQuote;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Currency;
import java.util.List;

/** Renewed terms in subscription_term; its primary key (line, term number) refuses charging a term twice. */
@StoredInDatabase
@Singleton
@Transactional
class RenewalChargesJdbcAdapter implements RenewalCharges {

    private final JdbcOperations jdbc;

    RenewalChargesJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(RenewalCharge charge) {
        PriceQuote amount = charge.charge();
        JdbcRows.update(jdbc, "INSERT INTO subscription_term (order_id, line_item_number, term_number, customer_tenant_id,"
                        + " currency, starts_at, ends_at, net, tax, gross, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                charge.orderId(), charge.lineItemNumber(), charge.termNumber(), charge.customerTenantId(),
                amount.currency().getCurrencyCode(), charge.startsAt(), charge.endsAt(), amount.net().amount(),
                amount.tax().amount(), amount.gross().amount(), charge.madeAt());
    }

    @Override
    @ReadOnly
    public List<RenewalCharge> ofLine(String orderId, int lineItemNumber) {
        return JdbcRows.list(jdbc, "SELECT order_id, line_item_number, term_number, customer_tenant_id, currency, starts_at,"
                        + " ends_at, net, tax, gross, made_at FROM subscription_term WHERE order_id = ? AND line_item_number = ?"
                        + " ORDER BY term_number",
                row -> {
                    Currency currency = Currency.getInstance(row.getString("currency"));
                    return new RenewalCharge(row.getString("order_id"), row.getInt("line_item_number"), row.getInt("term_number"),
                            row.getString("customer_tenant_id"), PriceQuote.fromNetAndTax(JdbcRows.money(row, "net", currency),
                            JdbcRows.money(row, "tax", currency)), JdbcRows.instant(row, "starts_at"),
                            JdbcRows.instant(row, "ends_at"), JdbcRows.instant(row, "made_at"));
                }, orderId, lineItemNumber);
    }
}
