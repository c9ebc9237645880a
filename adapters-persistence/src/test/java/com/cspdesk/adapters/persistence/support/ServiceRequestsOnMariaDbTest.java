package com.cspdesk.adapters.persistence.support;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class ServiceRequestsOnMariaDbTest extends ServiceRequestsOnJdbc {
    ServiceRequestsOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
