package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class SoftwareRevocationsOnMariaDbTest extends SoftwareRevocationsOnJdbc {
    SoftwareRevocationsOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
