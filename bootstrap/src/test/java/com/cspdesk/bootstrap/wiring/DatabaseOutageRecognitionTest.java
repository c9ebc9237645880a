package com.cspdesk.bootstrap.wiring;

import com.cspdesk.adapters.web.problem.DatabaseOutage;
import com.mysql.cj.jdbc.exceptions.MySQLTransactionRollbackException;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.transaction.exceptions.TransactionSystemException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web adapter recognises Micronaut Data's connection failures by name (micronaut-data is not on
 * its classpath); here, where both are, the name is checked against the real class, so a rename in
 * a Micronaut upgrade fails a test instead of turning 503s back into 500s. Likewise the real classes of
 * a write conflict that ran out of tries.
 */
class DatabaseOutageRecognitionTest {

    @Test
    void aConnectionThatCouldNotBeSetUpIsAnOutage() {
        // What the fault suite saw for requests in flight when the database died.
        assertThat(DatabaseOutage.in(new ConnectionException("Could not set JDBC Connection read-only: Connection is closed",
                new SQLException("Connection is closed")))).isTrue();
        assertThat(DatabaseOutage.in(new RuntimeException("Could not open connection for transaction",
                new ConnectionException("Failed to obtain JDBC Connection")))).isTrue();
    }

    @Test
    void aWriteConflictThatOutlastedItsTriesIsRetryableToo() {
        // What escapes the persistence adapter's unit of work after its last try (WriteConflictsOnGaleraTest):
        // the driver's conflict is a transient SQL error, so the caller gets 503 + Retry-After, not 500.
        TransactionSystemException conflict = new TransactionSystemException("Could not commit JDBC transaction",
                new MySQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction", "40001", 1213));
        assertThat(DatabaseOutage.in(conflict)).isTrue();
        // …and logged as what it is, not as the database being unavailable.
        assertThat(DatabaseOutage.writeConflict(conflict)).isTrue();
    }

    @Test
    void otherDataErrorsAreNot() {
        assertThat(DatabaseOutage.in(new io.micronaut.data.exceptions.DataAccessException("Duplicate entry",
                new SQLException("Duplicate entry", "23000")))).isFalse();
    }
}
