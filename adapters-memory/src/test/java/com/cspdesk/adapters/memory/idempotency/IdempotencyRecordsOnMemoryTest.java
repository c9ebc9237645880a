package com.cspdesk.adapters.memory.idempotency;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.idempotency.port.out.IdempotencyRecords;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.IdempotencyRecordsContract;

class IdempotencyRecordsOnMemoryTest extends IdempotencyRecordsContract {

    private final MemoryTransactions transactions = new MemoryTransactions();
    private final MemoryIdempotencyRecords records = new MemoryIdempotencyRecords(transactions);

    @Override
    protected IdempotencyRecords records() {
        return records;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
