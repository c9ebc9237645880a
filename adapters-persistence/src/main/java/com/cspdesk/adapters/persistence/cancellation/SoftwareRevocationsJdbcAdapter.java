package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.cancellation.port.out.SoftwareRevocations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Spec "Post-cancellation details": the cancelled lines' entitlements become {@code cancelled} (V2's
 * {@code software_entitlement.status}; the key is no longer shown) and every download link of them is
 * revoked. The entitlements are read first by their unique (order, line) key and locked, then the
 * links are revoked by entitlement id on {@code ix_download_link_entitlement} — no UPDATE with a
 * sub-query, which MariaDB may run as a scan of every link.
 */
@StoredInDatabase
@Singleton
@Transactional
class SoftwareRevocationsJdbcAdapter implements SoftwareRevocations {

    static final String ACTIVE = "active";
    static final String CANCELLED = "cancelled";

    private final JdbcOperations jdbc;

    SoftwareRevocationsJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Answers how many entitlements went from active to cancelled (lines without software have none). */
    @Override
    public int revoke(String orderId, List<Integer> lineItemNumbers) {
        if (lineItemNumbers.isEmpty()) {
            return 0;
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(orderId);
        parameters.addAll(lineItemNumbers);
        String lines = placeholders(lineItemNumbers.size());
        List<String> entitlements = JdbcRows.list(jdbc, "SELECT id FROM software_entitlement WHERE order_id = ?"
                + " AND line_item_number IN (" + lines + ") ORDER BY line_item_number FOR UPDATE",
                row -> row.getString(1), parameters.toArray());
        if (entitlements.isEmpty()) {
            return 0;
        }
        List<Object> cancel = new ArrayList<>();
        cancel.add(CANCELLED);
        cancel.add(orderId);
        cancel.addAll(lineItemNumbers);
        cancel.add(ACTIVE);
        int revoked = JdbcRows.update(jdbc, "UPDATE software_entitlement SET status = ? WHERE order_id = ?"
                + " AND line_item_number IN (" + lines + ") AND status = ?", cancel.toArray());
        JdbcRows.update(jdbc, "UPDATE download_link SET revoked = TRUE WHERE entitlement_id IN ("
                + placeholders(entitlements.size()) + ") AND revoked = FALSE", entitlements.toArray());
        return revoked;
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
