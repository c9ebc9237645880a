package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.credit.CreditReason;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Credit notes, positive amounts in the order's currency. A line's cancellation credit has seq 0, so
 * (order_id, line_item_number, seq) being unique refuses a second one; any other credit takes the
 * line's next seq, read under the caller's lock of the order. (reason, source_ref, line) being unique
 * refuses crediting one source — a refund request, a renewed term — twice. Either refusal is a
 * duplicate key, and the caller's transaction rolls back.
 */
@StoredInDatabase
@Singleton
@Transactional
class CreditsJdbcAdapter implements Credits {

    /** The Azure reservation kinds, from the domain (today AZURE_RESERVATION_VM and AZURE_RESERVATION_SQL). */
    private static final List<String> RESERVATIONS = Arrays.stream(ProductKind.values())
            .filter(ProductKind::isAzureReservation).map(Enum::name).toList();

    private final JdbcOperations jdbc;

    CreditsJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void issue(List<CreditNote> credits) {
        List<Object[]> rows = new ArrayList<>();
        Map<String, Integer> nextSeq = new HashMap<>();
        for (CreditNote note : credits) {
            int seq = 0;
            if (note.reason() != CreditReason.CANCELLATION) {
                String line = note.orderId() + "#" + note.lineItemNumber();
                seq = nextSeq.computeIfAbsent(line, l -> JdbcRows.one(jdbc, "SELECT COALESCE(MAX(seq), 0) + 1 FROM credit_note"
                        + " WHERE order_id = ? AND line_item_number = ?", row -> row.getInt(1),
                        note.orderId(), note.lineItemNumber()).orElse(1));
                nextSeq.put(line, seq + 1);
            }
            rows.add(new Object[]{note.id(), note.customerTenantId(), note.orderId(), note.lineItemNumber(), seq,
                    note.reason().code(), note.explanation().orElse(null), note.sourceRef().orElse(null),
                    note.kind().name(), note.credit().currency().getCurrencyCode(), note.credit().net(),
                    note.credit().tax(), note.credit().gross(), note.issuedAt(), note.issuedBy()});
        }
        JdbcRows.batch(jdbc, "INSERT INTO credit_note (id, customer_tenant_id, order_id, line_item_number, seq, reason,"
                + " explanation, source_ref, product_kind, currency, net, tax, gross, issued_at, issued_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    /** On ux_credit_note_source's first two columns. */
    @Override
    @ReadOnly
    public boolean issuedFor(CreditReason reason, String sourceRef) {
        return JdbcRows.count(jdbc, "SELECT COUNT(*) FROM credit_note WHERE reason = ? AND source_ref = ?",
                reason.code(), sourceRef) > 0;
    }

    /** On the index of fk_credit_note_line (order_id first). */
    @Override
    @ReadOnly
    public List<CreditNote> ofOrder(String customerTenantId, String orderId) {
        return JdbcRows.list(jdbc, "SELECT id, customer_tenant_id, order_id, line_item_number, product_kind, currency, net, tax,"
                        + " gross, issued_at, issued_by, reason, explanation, source_ref FROM credit_note"
                        + " WHERE order_id = ? AND customer_tenant_id = ? ORDER BY issued_at, id",
                row -> {
                    Currency currency = Currency.getInstance(row.getString("currency"));
                    return new CreditNote(row.getString("id"), row.getString("customer_tenant_id"), row.getString("order_id"),
                            row.getInt("line_item_number"), ProductKind.valueOf(row.getString("product_kind")),
                            new PriceQuote(JdbcRows.money(row, "net", currency), JdbcRows.money(row, "tax", currency),
                                    JdbcRows.money(row, "gross", currency)),
                            JdbcRows.instant(row, "issued_at"), row.getString("issued_by"),
                            CreditReason.fromCode(row.getString("reason")).orElseThrow(),
                            Optional.ofNullable(row.getString("explanation")), Optional.ofNullable(row.getString("source_ref")));
                }, orderId, customerTenantId);
    }

    /** On ix_credit_note_tenant_kind_issued: one range per reservation kind. */
    @Override
    @ReadOnly
    public List<Money> reservationRefundsSince(String customerTenantId, Instant since) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(customerTenantId);
        parameters.addAll(RESERVATIONS);
        parameters.add(since);
        return JdbcRows.list(jdbc, "SELECT currency, gross FROM credit_note WHERE customer_tenant_id = ?"
                        + " AND product_kind IN (" + String.join(", ", Collections.nCopies(RESERVATIONS.size(), "?")) + ")"
                        + " AND issued_at >= ? ORDER BY issued_at, id",
                row -> JdbcRows.money(row, "gross", Currency.getInstance(row.getString("currency"))),
                parameters.toArray());
    }
}
