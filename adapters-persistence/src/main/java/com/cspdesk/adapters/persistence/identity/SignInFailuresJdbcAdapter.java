package com.cspdesk.adapters.persistence.identity;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.identity.port.out.SignInFailures;
import com.cspdesk.domain.identity.FailedSignIns;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code sign_in_failure}: one row per account or address. A failure is one upsert whose row lock
 * queues concurrent failures of the same key, so none is lost; the count starts again when the
 * last failure is forgotten (in the same statement, so two instances agree).
 */
@StoredInDatabase
@Singleton
@Transactional
class SignInFailuresJdbcAdapter implements SignInFailures {

    private static final String SELECT = "SELECT failures, last_failure_at FROM sign_in_failure WHERE kind = ? AND failure_key = ?";

    private final JdbcOperations jdbc;

    SignInFailuresJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<FailedSignIns> of(Key key) {
        return JdbcRows.one(jdbc, SELECT, row -> new FailedSignIns(row.getInt("failures"),
                JdbcRows.instant(row, "last_failure_at")), kind(key), key.value());
    }

    @Override
    public FailedSignIns recordFailure(Key key, Instant at, Instant forgetBefore) {
        // MySQL assigns left to right: the CASE still sees the previous last_failure_at.
        JdbcRows.update(jdbc, "INSERT INTO sign_in_failure (kind, failure_key, failures, last_failure_at) VALUES (?, ?, 1, ?)"
                        + " ON DUPLICATE KEY UPDATE failures = CASE WHEN last_failure_at <= ? THEN 1 ELSE failures + 1 END,"
                        + " last_failure_at = VALUES(last_failure_at)",
                kind(key), key.value(), at, forgetBefore);
        return of(key).orElseThrow(() -> new IllegalStateException("the failure just recorded is not there"));
    }

    @Override
    public void clear(Key key) {
        JdbcRows.update(jdbc, "DELETE FROM sign_in_failure WHERE kind = ? AND failure_key = ?", kind(key), key.value());
    }

    private static String kind(Key key) {
        return key.kind().name().toLowerCase(Locale.ROOT);
    }
}
