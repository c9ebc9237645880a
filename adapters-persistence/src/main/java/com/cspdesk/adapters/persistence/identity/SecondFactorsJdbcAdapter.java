package com.cspdesk.adapters.persistence.identity;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.identity.port.out.SecondFactors;
import com.cspdesk.domain.identity.TotpSteps;
import com.cspdesk.domain.identity.Username;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The second factors in {@code second_factor} and {@code second_factor_recovery_code} (V11). Every use
 * is one conditional statement whose changed-row count is the answer, so of two requests with one code
 * only the first changes a row. An enrolment locks its user's row first: two at once queue.
 */
@StoredInDatabase
@Singleton
@Transactional
class SecondFactorsJdbcAdapter implements SecondFactors {

    private final JdbcOperations jdbc;

    SecondFactorsJdbcAdapter(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SecondFactor> find(Username username) {
        return JdbcRows.one(jdbc, "SELECT username, sealed_secret, confirmed, last_used_step, enrolled_at FROM second_factor"
                        + " WHERE username = ?",
                row -> new SecondFactor(new Username(row.getString("username")), row.getString("sealed_secret"),
                        row.getBoolean("confirmed"), row.getLong("last_used_step"), JdbcRows.instant(row, "enrolled_at")),
                username.value());
    }

    @Override
    public boolean enrol(Username username, String sealedSecret, List<String> recoveryCodeHashes, Instant enrolledAt) {
        String user = username.value();
        if (JdbcRows.one(jdbc, "SELECT username FROM user_account WHERE username = ? FOR UPDATE", row -> row.getString(1), user)
                .isEmpty()
                || JdbcRows.count(jdbc, "SELECT COUNT(*) FROM second_factor WHERE username = ? AND confirmed = TRUE", user) > 0) {
            return false;
        }
        JdbcRows.update(jdbc, "DELETE FROM second_factor_recovery_code WHERE username = ?", user);
        JdbcRows.update(jdbc, "DELETE FROM second_factor WHERE username = ?", user);
        JdbcRows.update(jdbc, "INSERT INTO second_factor (username, sealed_secret, confirmed, last_used_step, enrolled_at,"
                + " challenge_id, challenge_attempts) VALUES (?, ?, FALSE, ?, ?, NULL, 0)", user, sealedSecret,
                TotpSteps.NONE_USED, enrolledAt);
        JdbcRows.batch(jdbc, "INSERT INTO second_factor_recovery_code (username, code_hash) VALUES (?, ?)",
                recoveryCodeHashes.stream().map(hash -> new Object[] {user, hash}).toList());
        return true;
    }

    @Override
    public boolean confirm(Username username, String sealedSecret, long usedStep) {
        return JdbcRows.update(jdbc, "UPDATE second_factor SET confirmed = TRUE, last_used_step = ?"
                + " WHERE username = ? AND confirmed = FALSE AND sealed_secret = ?", usedStep, username.value(), sealedSecret) == 1;
    }

    @Override
    public boolean useStep(Username username, long step) {
        return JdbcRows.update(jdbc, "UPDATE second_factor SET last_used_step = ?"
                + " WHERE username = ? AND confirmed = TRUE AND last_used_step < ?", step, username.value(), step) == 1;
    }

    @Override
    public boolean useRecoveryCode(Username username, String codeHash) {
        return JdbcRows.update(jdbc, "DELETE FROM second_factor_recovery_code WHERE username = ? AND code_hash = ?"
                + " AND EXISTS (SELECT 1 FROM second_factor f WHERE f.username = ? AND f.confirmed = TRUE)",
                username.value(), codeHash, username.value()) == 1;
    }

    @Override
    public int recoveryCodesLeft(Username username) {
        return (int) JdbcRows.count(jdbc, "SELECT COUNT(*) FROM second_factor_recovery_code WHERE username = ?", username.value());
    }

    @Override
    public void openChallenge(Username username, String challengeId) {
        JdbcRows.update(jdbc, "UPDATE second_factor SET challenge_id = ?, challenge_attempts = 0"
                + " WHERE username = ? AND confirmed = TRUE", challengeId, username.value());
    }

    @Override
    public boolean takeAttempt(Username username, String challengeId, int maxAttempts) {
        return JdbcRows.update(jdbc, "UPDATE second_factor SET challenge_attempts = challenge_attempts + 1"
                + " WHERE username = ? AND challenge_id = ? AND challenge_attempts < ?",
                username.value(), challengeId, maxAttempts) == 1;
    }

    @Override
    public void closeChallenge(Username username, String challengeId) {
        JdbcRows.update(jdbc, "UPDATE second_factor SET challenge_id = NULL WHERE username = ? AND challenge_id = ?",
                username.value(), challengeId);
    }

    @Override
    public boolean remove(Username username) {
        JdbcRows.update(jdbc, "DELETE FROM second_factor_recovery_code WHERE username = ?", username.value());
        return JdbcRows.update(jdbc, "DELETE FROM second_factor WHERE username = ?", username.value()) == 1;
    }
}
