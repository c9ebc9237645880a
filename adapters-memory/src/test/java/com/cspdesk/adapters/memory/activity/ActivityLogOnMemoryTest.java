package com.cspdesk.adapters.memory.activity;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.ActivityLogContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class ActivityLogOnMemoryTest extends ActivityLogContract {

    @RegisterExtension
    final MemoryAdapters adapters = new MemoryAdapters();

    @Override
    protected ActivityLog log() {
        return adapters.get(ActivityLog.class);
    }

    @Override
    protected ActivityRecords records() {
        return adapters.get(ActivityRecords.class);
    }

    @Override
    protected Transactions transactions() {
        return adapters.get(Transactions.class);
    }
}
