package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class JobLockOnMariaDbTest extends JobLockOnJdbc {
    JobLockOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
