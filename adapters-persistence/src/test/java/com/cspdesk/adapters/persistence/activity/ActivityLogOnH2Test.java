package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.ActivityLogContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class ActivityLogOnH2Test extends ActivityLogContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onH2();

    @Override
    protected ActivityLog log() {
        return ADAPTERS.get(ActivityLog.class);
    }

    @Override
    protected ActivityRecords records() {
        return ADAPTERS.get(ActivityRecords.class);
    }

    @Override
    protected Transactions transactions() {
        return ADAPTERS.get(Transactions.class);
    }
}
