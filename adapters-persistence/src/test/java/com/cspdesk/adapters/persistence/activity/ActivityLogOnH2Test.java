package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class ActivityLogOnH2Test extends ActivityLogOnJdbc {
    ActivityLogOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
