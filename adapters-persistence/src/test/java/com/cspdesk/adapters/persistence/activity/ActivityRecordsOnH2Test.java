package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class ActivityRecordsOnH2Test extends ActivityRecordsOnJdbc {
    ActivityRecordsOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
