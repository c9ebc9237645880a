package com.cspdesk.adapters.persistence.webhooks;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.webhooks.port.out.EventOutbox;
import com.cspdesk.domain.webhooks.ResourceChange;
import com.cspdesk.domain.webhooks.WebhookEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The outbox in two tables: {@code webhook_event} and, per ordering key, {@code webhook_outbox_head}.
 * An append locks its key's head row (created race-free, as the activity log's chain heads are) and
 * takes the next sequence, so a second append of the same key waits for the first to commit or roll
 * back: a key's sequences and positions follow the commit order, without gaps.
 */
@StoredInDatabase
@Singleton
@Transactional
class EventOutboxJdbcAdapter implements EventOutbox {

    private static final String COLUMNS = "id, ordering_key, ordering_seq, event_name, resource_uri, resource_name,"
            + " audit_uri, changed_at";

    private final JdbcOperations jdbc;

    EventOutboxJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long append(NewEvent event) {
        ResourceChange change = event.change();
        String key = change.orderingKey();
        // ON DUPLICATE KEY UPDATE takes an exclusive lock when the row exists (see ActivityLogJdbcAdapter).
        JdbcRows.update(jdbc, "INSERT INTO webhook_outbox_head (ordering_key, last_seq) VALUES (?, 0)"
                + " ON DUPLICATE KEY UPDATE ordering_key = ordering_key", key);
        long sequence = JdbcRows.one(jdbc, "SELECT last_seq FROM webhook_outbox_head WHERE ordering_key = ? FOR UPDATE",
                        row -> row.getLong("last_seq"), key)
                .orElseThrow(() -> new IllegalStateException("the outbox head of " + key + " vanished")) + 1;
        JdbcRows.update(jdbc, "INSERT INTO webhook_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                event.id(), key, sequence, change.event().wireName(), change.resourceUri(), change.resourceName(),
                change.auditUri(), change.changedAt());
        JdbcRows.update(jdbc, "UPDATE webhook_outbox_head SET last_seq = ? WHERE ordering_key = ?", sequence, key);
        return sequence;
    }

    @Override
    public List<StoredEvent> ofOrderingKey(String orderingKey) {
        return JdbcRows.list(jdbc, "SELECT " + COLUMNS + " FROM webhook_event WHERE ordering_key = ? ORDER BY ordering_seq",
                EventOutboxJdbcAdapter::stored, orderingKey);
    }

    static StoredEvent stored(ResultSet row) throws SQLException {
        String name = row.getString("event_name");
        WebhookEvent event = WebhookEvent.ofWireName(name)
                .orElseThrow(() -> new IllegalStateException("an outbox event of unknown name " + name));
        return new StoredEvent(row.getString("id"), new ResourceChange(event, row.getString("resource_uri"),
                row.getString("resource_name"), row.getString("audit_uri"), JdbcRows.instant(row, "changed_at"),
                row.getString("ordering_key")), row.getLong("ordering_seq"));
    }
}
