package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class SoftwareRevocationsOnH2Test extends SoftwareRevocationsOnJdbc {
    SoftwareRevocationsOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
