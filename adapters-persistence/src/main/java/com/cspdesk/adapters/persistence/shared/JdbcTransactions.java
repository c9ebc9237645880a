package com.cspdesk.adapters.persistence.shared;

import com.cspdesk.application.metrics.port.out.BusinessMetrics;
import com.cspdesk.application.metrics.port.out.BusinessMetrics.ConflictOutcome;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.TransactionSystemException;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Units of work on the database. An outermost unit that loses a write conflict runs again: on a
 * Galera cluster a transaction certified against another node's concurrent write fails at COMMIT
 * (or at its next statement) with 1213 / SQLSTATE 40001, and on one database an InnoDB deadlock
 * ends the same way. The failed try was rolled back entirely and its after-commit actions dropped
 * with it, so the work runs from the start on fresh reads (docs/scale-out.md lists why every unit
 * is safe to run twice). A nested unit never retries: the conflict rolls back the whole outermost
 * transaction, so only the outermost may run it again.
 */
@StoredInDatabase
@Singleton
class JdbcTransactions implements Transactions {

    private final TransactionOperations<Connection> transactions;
    private final WriteConflictRetry retry;
    private final Optional<BusinessMetrics> metrics;
    private final DatabaseGate gate;

    JdbcTransactions(TransactionOperations<Connection> transactions, WriteConflictRetry retry,
                     Optional<BusinessMetrics> metrics, DatabaseGate gate) {
        this.transactions = transactions;
        this.retry = retry;
        this.metrics = metrics;
        this.gate = gate;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (transactions.findTransactionStatus().isPresent()) {
            return transactions.executeWrite(status -> work.get()); // joined: a conflict goes to the outermost
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.executeWrite(status -> work.get());
            } catch (RuntimeException e) {
                if (!WriteConflicts.isWriteConflict(e)) {
                    // A link that broke under a running unit of work (the database died) is known here first.
                    gate.linkMayHaveBroken(e);
                    throw unitNotEnded(e);
                }
                if (!retry.mayRetryAfter(attempt)) {
                    metrics.ifPresent(m -> m.databaseConflict(ConflictOutcome.GAVE_UP));
                    throw e;
                }
                metrics.ifPresent(m -> m.databaseConflict(ConflictOutcome.RETRIED));
                retry.backOff(attempt);
            }
        }
    }

    /**
     * A unit whose COMMIT or ROLLBACK itself failed (Micronaut's {@link TransactionSystemException}) lost its
     * connection at the end: a node that left the primary component, a link cut, or HikariCP's "Connection is
     * closed" (no SQLSTATE) on a connection the pool had already given up. Said as the connection failure it is
     * (SQLSTATE 08006), so that callers answer "try again" (503) and not an internal error: nothing may be assumed
     * committed, and a retry with the same idempotency key is safe. Any other failure is the caller's as it is.
     */
    private static RuntimeException unitNotEnded(RuntimeException failure) {
        if (!(failure instanceof TransactionSystemException)) {
            return failure;
        }
        return new DataAccessException("the unit of work could not be ended on its connection",
                new SQLTransientConnectionException("the connection broke while the unit of work was ending: "
                        + failure.getMessage(), "08006", failure));
    }

    /** Micronaut's synchronization of the open transaction (a joined one hands it to the outermost). */
    @Override
    public void afterCommit(Runnable action) {
        transactions.findTransactionStatus().ifPresentOrElse(status -> status.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        action.run();
                    }
                }), action);
    }
}
