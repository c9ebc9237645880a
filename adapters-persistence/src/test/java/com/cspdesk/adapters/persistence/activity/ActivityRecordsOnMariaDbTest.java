package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import com.cspdesk.contracts.ActivityRecordsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class ActivityRecordsOnMariaDbTest extends ActivityRecordsContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onMariaDb();

    @Override
    protected ActivityLog log() {
        return ADAPTERS.get(ActivityLog.class);
    }

    @Override
    protected ActivityRecords records() {
        return ADAPTERS.get(ActivityRecords.class);
    }

    @Override
    protected void changeUserPrincipalName(String recordId, String userPrincipalName) {
        ActivityRowsBehindTheAdapter.changeUserPrincipalName(ADAPTERS, recordId, userPrincipalName);
    }

    @Override
    protected void deleteRecord(String recordId) {
        ActivityRowsBehindTheAdapter.delete(ADAPTERS, recordId);
    }
}
