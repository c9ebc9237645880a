package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class EntitlementsOnH2Test extends EntitlementsOnJdbc {
    EntitlementsOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
