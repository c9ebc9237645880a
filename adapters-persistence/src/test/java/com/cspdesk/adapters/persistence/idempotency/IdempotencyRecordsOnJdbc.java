package com.cspdesk.adapters.persistence.idempotency;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.idempotency.port.out.IdempotencyRecords;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.IdempotencyRecordsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The IdempotencyRecords contract on the JDBC adapters; the subclasses choose the database. */
abstract class IdempotencyRecordsOnJdbc extends IdempotencyRecordsContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    IdempotencyRecordsOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    protected IdempotencyRecords records() {
        return adapters.get(IdempotencyRecords.class);
    }

    @Override
    protected Transactions transactions() {
        return adapters.get(Transactions.class);
    }
}
