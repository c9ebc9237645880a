package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class EntitlementsOnMariaDbTest extends EntitlementsOnJdbc {
    EntitlementsOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
