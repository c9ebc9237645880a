package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import com.cspdesk.contracts.ActivityRecordsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ActivityRecords contract on the JDBC adapters; the subclasses choose the database. */
abstract class ActivityRecordsOnJdbc extends ActivityRecordsContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    ActivityRecordsOnJdbc(JdbcAdapters adapters) {
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
    protected void changeUserPrincipalName(String recordId, String userPrincipalName) {
        ActivityRowsBehindTheAdapter.changeUserPrincipalName(adapters, recordId, userPrincipalName);
    }

    @Override
    protected void deleteRecord(String recordId) {
        ActivityRowsBehindTheAdapter.delete(adapters, recordId);
    }
}
