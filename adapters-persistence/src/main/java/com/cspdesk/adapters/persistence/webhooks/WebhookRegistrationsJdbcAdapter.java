package com.cspdesk.adapters.persistence.webhooks;

import com.cspdesk.adapters.persistence.shared.CommaSeparated;
import com.cspdesk.adapters.persistence.shared.DuplicateKeys;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.webhooks.port.out.WebhookRegistration;
import com.cspdesk.application.webhooks.port.out.WebhookRegistrations;
import com.cspdesk.domain.webhooks.WebhookEvent;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code webhook_registration} (V14): one row at most, its primary key the constant slot 1, so a second
 * registration is a duplicate key even when two arrive at once. Events by Partner Center's names.
 */
@StoredInDatabase
@Singleton
@Transactional
class WebhookRegistrationsJdbcAdapter implements WebhookRegistrations {

    private static final int SLOT = 1;

    private final JdbcOperations jdbc;

    WebhookRegistrationsJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<WebhookRegistration> find() {
        return JdbcRows.one(jdbc, "SELECT id, url, events, sealed_secret, created_at, created_by, updated_at,"
                + " failing_since, disabled_at"
                + " FROM webhook_registration WHERE slot = ?", WebhookRegistrationsJdbcAdapter::registration, SLOT);
    }

    @Override
    public boolean add(WebhookRegistration registration) {
        try {
            JdbcRows.update(jdbc, "INSERT INTO webhook_registration (slot, id, url, events, sealed_secret, created_at, created_by,"
                            + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", SLOT, registration.id(), registration.url(),
                    events(registration.events()), registration.sealedSecret(), registration.createdAt(), registration.createdBy(),
                    registration.updatedAt());
            return true;
        } catch (DataAccessException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public boolean update(String id, String url, Set<WebhookEvent> events, Instant at) {
        return JdbcRows.update(jdbc, "UPDATE webhook_registration SET url = ?, events = ?, updated_at = ?,"
                        + " failing_since = NULL, disabled_at = NULL WHERE slot = ? AND id = ?",
                url, events(events), at, SLOT, id) > 0;
    }

    @Override
    public boolean replaceSecret(String id, String sealedSecret, Instant at) {
        return JdbcRows.update(jdbc, "UPDATE webhook_registration SET sealed_secret = ?, updated_at = ? WHERE slot = ? AND id = ?",
                sealedSecret, at, SLOT, id) > 0;
    }

    @Override
    public boolean remove(String id) {
        return JdbcRows.update(jdbc, "DELETE FROM webhook_registration WHERE slot = ? AND id = ?", SLOT, id) > 0;
    }

    /** In the list's order, so the column reads the same for the same events. */
    private static String events(Set<WebhookEvent> events) {
        return CommaSeparated.join(Arrays.stream(WebhookEvent.values()).filter(events::contains).toList(), WebhookEvent::wireName);
    }

    private static WebhookRegistration registration(ResultSet row) throws SQLException {
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        events.addAll(CommaSeparated.split(row.getString("events"), name -> WebhookEvent.ofWireName(name).orElseThrow(
                () -> new IllegalStateException("webhook_registration.events holds an unknown event"))));
        return new WebhookRegistration(row.getString("id"), row.getString("url"), events, row.getString("sealed_secret"),
                JdbcRows.instant(row, "created_at"), row.getString("created_by"), JdbcRows.instant(row, "updated_at"),
                new WebhookRegistration.Health(JdbcRows.optionalInstant(row, "failing_since"),
                        JdbcRows.optionalInstant(row, "disabled_at")));
    }
}
