package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.domain.activity.ActivityChain;
import com.cspdesk.domain.activity.ActivityEntry;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Appends to the hash chain of the entry's {@link ActivityEntry#chainKey()} inside the caller's
 * transaction. The chain's head row is locked first (created race-free when it is the chain's first
 * entry), so concurrent appends to one chain queue up and get consecutive sequence numbers; the
 * record and the new head commit or roll back with the caller's work.
 */
@StoredInDatabase
@Singleton
@Transactional
class ActivityLogJdbcAdapter implements ActivityLog {

    private final JdbcOperations jdbc;

    ActivityLogJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(ActivityEntry entry) {
        String chainKey = entry.chainKey();
        // ON DUPLICATE KEY UPDATE takes an exclusive lock when the row exists (INSERT IGNORE would take
        // a shared one, and two shared holders both asking for the exclusive lock deadlock).
        JdbcRows.update(jdbc, "INSERT INTO activity_chain_head (chain_key, last_seq, last_hash) VALUES (?, 0, ?)"
                + " ON DUPLICATE KEY UPDATE chain_key = chain_key", chainKey, ActivityChain.GENESIS);
        Head head = JdbcRows.one(jdbc, "SELECT last_seq, last_hash FROM activity_chain_head WHERE chain_key = ? FOR UPDATE",
                        row -> new Head(row.getLong("last_seq"), row.getString("last_hash")), chainKey)
                .orElseThrow(() -> new IllegalStateException("the head of activity chain " + chainKey + " vanished"));
        long sequence = head.lastSequence() + 1;
        String hash = ActivityChain.hash(head.lastHash(), sequence, entry);
        JdbcRows.update(jdbc, "INSERT INTO activity_record (id, chain_key, chain_seq, previous_hash, hash, operation_date,"
                        + " operation_type, operation_status, user_principal_name, application_id, customer_id,"
                        + " customer_name, resource_type, resource_id, customized_data)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), chainKey, sequence, head.lastHash(), hash, entry.operationDate(),
                entry.operationType(), entry.operationStatus(), entry.userPrincipalName(), entry.applicationId(),
                entry.customerId(), entry.customerName(), entry.resourceType(), entry.resourceId(),
                CustomizedDataJson.write(entry.customizedData()));
        JdbcRows.update(jdbc, "UPDATE activity_chain_head SET last_seq = ?, last_hash = ? WHERE chain_key = ?",
                sequence, hash, chainKey);
    }

    private record Head(long lastSequence, String lastHash) {
    }
}
