package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class ActivityLogOnMariaDbTest extends ActivityLogOnJdbc {
    ActivityLogOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
