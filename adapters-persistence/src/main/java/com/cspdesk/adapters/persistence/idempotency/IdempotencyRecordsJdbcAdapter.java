package com.cspdesk.adapters.persistence.idempotency;

import com.cspdesk.adapters.persistence.shared.DuplicateKeys;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.idempotency.port.in.IdempotentRequest;
import com.cspdesk.application.idempotency.port.in.KeptAnswer;
import com.cspdesk.application.idempotency.port.out.IdempotencyRecords;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

// Joins the caller's transaction; a call from outside one gets its own.
@StoredInDatabase
@Singleton
@Transactional
class IdempotencyRecordsJdbcAdapter implements IdempotencyRecords {

    private final JdbcOperations jdbc;

    IdempotencyRecordsJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(IdempotentRequest request, Instant at) {
        try {
            return jdbc.prepareStatement(
                    "INSERT INTO idempotency_record (scope, idem_key, fingerprint, created_at) VALUES (?, ?, ?, ?)",
                    statement -> {
                        statement.setString(1, request.scope());
                        statement.setString(2, request.key());
                        statement.setString(3, request.fingerprint());
                        statement.setTimestamp(4, Timestamp.from(at));
                        return statement.executeUpdate() == 1;
                    });
        } catch (RuntimeException e) {
            if (DuplicateKeys.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public Optional<Kept> find(String scope, String key) {
        return jdbc.prepareStatement(
                "SELECT fingerprint, created_at, answer FROM idempotency_record WHERE scope = ? AND idem_key = ?",
                statement -> {
                    statement.setString(1, scope);
                    statement.setString(2, key);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? Optional.of(kept(rows)) : Optional.<Kept>empty();
                    }
                });
    }

    @Override
    public void complete(String scope, String key, KeptAnswer answer) {
        jdbc.prepareStatement("UPDATE idempotency_record SET answer = ? WHERE scope = ? AND idem_key = ?",
                statement -> {
                    statement.setString(1, answer.value());
                    statement.setString(2, scope);
                    statement.setString(3, key);
                    return statement.executeUpdate();
                });
    }

    @Override
    public void release(String scope, String key) {
        jdbc.prepareStatement("DELETE FROM idempotency_record WHERE scope = ? AND idem_key = ?", statement -> {
            statement.setString(1, scope);
            statement.setString(2, key);
            return statement.executeUpdate();
        });
    }

    @Override
    public int forgetOlderThan(Instant before) {
        return jdbc.prepareStatement("DELETE FROM idempotency_record WHERE created_at < ?", statement -> {
            statement.setTimestamp(1, Timestamp.from(before));
            return statement.executeUpdate();
        });
    }

    private static Kept kept(ResultSet row) throws SQLException {
        Optional<KeptAnswer> answer = Optional.ofNullable(row.getString("answer")).map(KeptAnswer::new);
        return new Kept(row.getString("fingerprint"), row.getTimestamp("created_at").toInstant(), answer);
    }
}
