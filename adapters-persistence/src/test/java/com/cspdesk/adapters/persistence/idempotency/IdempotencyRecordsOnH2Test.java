package com.cspdesk.adapters.persistence.idempotency;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.idempotency.port.out.IdempotencyRecords;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.IdempotencyRecordsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdempotencyRecordsOnH2Test extends IdempotencyRecordsContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onH2();

    @Override
    protected IdempotencyRecords records() {
        return ADAPTERS.get(IdempotencyRecords.class);
    }

    @Override
    protected Transactions transactions() {
        return ADAPTERS.get(Transactions.class);
    }
}
