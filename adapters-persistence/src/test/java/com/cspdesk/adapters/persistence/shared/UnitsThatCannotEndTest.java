package com.cspdesk.adapters.persistence.shared;

import com.cspdesk.contracts.NoBusinessMetrics;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.TransactionSystemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A unit of work whose COMMIT or ROLLBACK itself failed leaves {@link JdbcTransactions} as the connection failure it
 * is (SQLSTATE 08006, which the web adapter answers 503 "try again"), not as an internal error. Seen in
 * bench/run-cluster (5 Dec): after a connection broke, HikariCP's proxy answers the rollback "Connection is closed"
 * without any SQLSTATE, and Micronaut throws that {@link TransactionSystemException} in place of the unit's failure.
 * Micronaut's transaction operations are stood in for by one that ends every unit that way: what is under test is
 * only what the adapter makes of it.
 */
class UnitsThatCannotEndTest {

    private final DatabaseGate gate = new DatabaseGate(Duration.ofMillis(250), Duration.ofSeconds(1), NoBusinessMetrics::new);

    @AfterEach
    void stop() {
        gate.stop();
    }

    @Test
    void aRollbackThatFailsOnAClosedConnectionIsAConnectionFailure() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("Could not roll back JDBC transaction",
                new SQLException("Connection is closed"));

        Throwable failure = catchThrowable(() -> transactionsEndingWith(rollbackFailed).inTransaction(() -> "work"));

        assertThat(failure).hasCauseInstanceOf(SQLTransientConnectionException.class).hasRootCause(rollbackFailed.getCause());
        assertThat(((SQLException) failure.getCause()).getSQLState()).isEqualTo("08006");
    }

    @Test
    void anyOtherFailureReachesTheCallerAsItIs() {
        IllegalStateException workFailed = new IllegalStateException("the work's own failure");

        Throwable failure = catchThrowable(() -> transactionsEndingWith(workFailed).inTransaction(() -> "work"));

        assertThat(failure).isSameAs(workFailed);
    }

    /** Transaction operations outside any transaction whose every unit ends with {@code failure}. */
    @SuppressWarnings("unchecked")
    private JdbcTransactions transactionsEndingWith(RuntimeException failure) {
        TransactionOperations<Connection> operations = (TransactionOperations<Connection>) Proxy.newProxyInstance(
                TransactionOperations.class.getClassLoader(), new Class<?>[] {TransactionOperations.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "findTransactionStatus" -> Optional.empty();
                    case "execute", "executeWrite", "executeRead" -> throw failure;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new JdbcTransactions(operations, new WriteConflictRetry(5), Optional.of(new NoBusinessMetrics()), gate);
    }
}
