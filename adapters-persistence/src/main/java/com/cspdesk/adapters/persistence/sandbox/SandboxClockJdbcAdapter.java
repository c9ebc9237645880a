package com.cspdesk.adapters.persistence.sandbox;

import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.sandbox.port.out.SandboxClockSettings;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

@StoredInDatabase
@Singleton
@Transactional
class SandboxClockJdbcAdapter implements SandboxClockSettings {

    private final JdbcOperations jdbc;

    SandboxClockJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Duration> offset() {
        return jdbc.prepareStatement(
                "SELECT offset_nanos FROM sandbox_clock WHERE id = 1", statement -> {
                    try (ResultSet row = statement.executeQuery()) {
                        return row.next() ? Optional.of(Duration.ofNanos(row.getLong(1))) : Optional.<Duration>empty();
                    }
                });
    }

    @Override
    public void saveOffset(Duration offset) {
        jdbc.prepareStatement(
                "INSERT INTO sandbox_clock (id, offset_nanos, updated_at) VALUES (1, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE offset_nanos = VALUES(offset_nanos), updated_at = VALUES(updated_at)",
                statement -> {
                    statement.setLong(1, offset.toNanos());
                    // Real time: when the offset was changed, not the shifted sandbox time.
                    statement.setTimestamp(2, Timestamp.from(Instant.now()));
                    return statement.executeUpdate();
                });
    }
}
