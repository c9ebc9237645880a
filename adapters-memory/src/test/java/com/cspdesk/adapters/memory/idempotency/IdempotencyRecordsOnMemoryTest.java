package com.cspdesk.adapters.memory.idempotency;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.idempotency.port.out.IdempotencyRecords;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.IdempotencyRecordsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class IdempotencyRecordsOnMemoryTest extends IdempotencyRecordsContract {

    @RegisterExtension
    final MemoryAdapters adapters = new MemoryAdapters();

    @Override
    protected IdempotencyRecords records() {
        return adapters.get(IdempotencyRecords.class);
    }

    @Override
    protected Transactions transactions() {
        return adapters.get(Transactions.class);
    }
}
