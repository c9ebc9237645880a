package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class OwnedSoftwareOnMariaDbTest extends OwnedSoftwareOnJdbc {
    OwnedSoftwareOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
