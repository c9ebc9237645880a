package com.cspdesk.adapters.persistence.support;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class ServiceRequestsOnH2Test extends ServiceRequestsOnJdbc {
    ServiceRequestsOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
