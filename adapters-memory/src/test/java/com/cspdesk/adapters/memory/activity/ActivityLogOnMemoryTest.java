package com.cspdesk.adapters.memory.activity;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.ActivityLogContract;

class ActivityLogOnMemoryTest extends ActivityLogContract {

    private final MemoryTransactions transactions = new MemoryTransactions();
    private final ActivityBook book = new ActivityBook(transactions);

    @Override
    protected ActivityLog log() {
        return new MemoryActivityLog(book);
    }

    @Override
    protected ActivityRecords records() {
        return new MemoryActivityRecords(book);
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
