package com.cspdesk.adapters.persistence.shared;

import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.function.Supplier;

@StoredInDatabase
@Singleton
class JdbcTransactions implements Transactions {

    private final TransactionOperations<Connection> transactions;
    private final DatabaseGate gate;

    JdbcTransactions(TransactionOperations<Connection> transactions, DatabaseGate gate) {
        this.transactions = transactions;
        this.gate = gate;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return transactions.executeWrite(status -> work.get());
        } catch (RuntimeException e) {
            // A link that broke under a running unit of work (the database died) is known here first.
            gate.linkMayHaveBroken(e);
            throw e;
        }
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
