package com.cspdesk.adapters.persistence.subscriptions;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.subscriptions.port.out.TermCharges;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

/** A renewed term's charge: one row of {@code subscription_term}, unique per line and term. */
@StoredInDatabase
@Singleton
@Transactional
class TermChargesJdbcAdapter implements TermCharges {

    private final JdbcOperations jdbc;

    TermChargesJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void charge(TermCharge charge) {
        JdbcRows.update(jdbc, "INSERT INTO subscription_term (order_id, line_item_number, term_number, customer_tenant_id,"
                        + " currency, starts_at, ends_at, net, tax, gross, made_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                charge.orderId(), charge.lineItemNumber(), charge.termNumber(), charge.customerTenantId(),
                charge.charge().currency().getCurrencyCode(), charge.startsAt(), charge.endsAt(), charge.charge().net(),
                charge.charge().tax(), charge.charge().gross(), charge.madeAt());
    }
}
