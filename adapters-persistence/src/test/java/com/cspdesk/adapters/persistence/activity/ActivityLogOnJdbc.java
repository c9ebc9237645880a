package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.ActivityLogContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ActivityLog contract on the JDBC adapters; the subclasses choose the database. */
abstract class ActivityLogOnJdbc extends ActivityLogContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    ActivityLogOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
    }

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
