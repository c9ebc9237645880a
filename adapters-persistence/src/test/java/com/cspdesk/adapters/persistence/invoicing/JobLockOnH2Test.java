package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class JobLockOnH2Test extends JobLockOnJdbc {
    JobLockOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
