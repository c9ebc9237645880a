package com.cspdesk.adapters.web.problem;

import com.cspdesk.application.shared.port.in.StoreUnreachable;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseOutageTest {

    @Test
    void findsTheJdbcOutageAnywhereInTheChain() {
        assertThat(DatabaseOutage.in(new SQLTransientConnectionException("request timed out after 5015ms"))).isTrue();
        assertThat(DatabaseOutage.in(new IllegalStateException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("timed out")))).isTrue();
        // As the transaction manager wraps it: CannotCreateTransactionException(ConnectionException(SQL…)).
        assertThat(DatabaseOutage.in(new RuntimeException("Could not open connection for transaction",
                new RuntimeException("Failed to obtain JDBC Connection",
                        new SQLNonTransientConnectionException("Socket fail to connect to host"))))).isTrue();
        assertThat(DatabaseOutage.in(new RuntimeException(new SQLTimeoutException("statement timeout")))).isTrue();
        // The database died under a running request (the fault suite's in-flight orders): Connector/J's
        // CommunicationsException is an SQLRecoverableException, wrapped by Micronaut Data.
        assertThat(DatabaseOutage.in(new RuntimeException("Could not set JDBC Connection read-only: Communications link failure",
                new SQLRecoverableException("Communications link failure", "08S01")))).isTrue();
        // HikariCP's answer on a connection it gave out before the database died: SQLSTATE 08003.
        assertThat(DatabaseOutage.in(new RuntimeException("Could not set JDBC Connection read-only: Connection is closed",
                new SQLException("Connection is closed", "08003")))).isTrue();
    }

    @Test
    void aRefusalOfTheDatabaseGateIsKnownAndNotLoggedAgain() {
        RuntimeException refused = new RuntimeException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("the database is unreachable", "08001", new StoreUnreachable()));
        assertThat(DatabaseOutage.in(refused)).isTrue();
        assertThat(DatabaseOutage.known(refused)).isTrue();
        assertThat(DatabaseOutage.in(new StoreUnreachable())).isTrue();
        // A pool that timed out on a live but slow database is an outage for this request, not a known one.
        assertThat(DatabaseOutage.known(new SQLTransientConnectionException("request timed out after 5015ms"))).isFalse();
        assertThat(DatabaseOutage.known(null)).isFalse();
    }

    @Test
    void aWriteConflictIsAnsweredAsAnOutageButToldApart() {
        RuntimeException deadlock = new RuntimeException("Could not commit JDBC transaction",
                new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213));
        assertThat(DatabaseOutage.in(deadlock)).isTrue();
        assertThat(DatabaseOutage.writeConflict(deadlock)).isTrue();
        // Galera's certification failure reaches some callers as a plain SQLException of class 40.
        assertThat(DatabaseOutage.writeConflict(new RuntimeException(new SQLException("Deadlock: wsrep aborted transaction", "40001"))))
                .isTrue();
        assertThat(DatabaseOutage.writeConflict(new SQLTransientConnectionException("request timed out after 5015ms"))).isFalse();
        assertThat(DatabaseOutage.writeConflict(new SQLException("Connection is closed", "08003"))).isFalse();
        assertThat(DatabaseOutage.writeConflict(new StoreUnreachable())).isFalse();
        assertThat(DatabaseOutage.writeConflict(null)).isFalse();
    }

    @Test
    void otherErrorsAreNotAnOutage() {
        assertThat(DatabaseOutage.in(null)).isFalse();
        assertThat(DatabaseOutage.in(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseOutage.in(new RuntimeException(new SQLException("Duplicate entry", "23000")))).isFalse();
        assertThat(DatabaseOutage.in(new RuntimeException(new SQLException("no state")))).isFalse();
    }

    @Test
    void aCyclicChainEnds() {
        RuntimeException first = new RuntimeException("a");
        RuntimeException second = new RuntimeException("b", first);
        first.initCause(second);
        assertThat(DatabaseOutage.in(first)).isFalse();
    }
}
