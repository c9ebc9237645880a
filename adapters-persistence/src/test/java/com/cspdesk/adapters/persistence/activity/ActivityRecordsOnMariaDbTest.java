package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class ActivityRecordsOnMariaDbTest extends ActivityRecordsOnJdbc {
    ActivityRecordsOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
