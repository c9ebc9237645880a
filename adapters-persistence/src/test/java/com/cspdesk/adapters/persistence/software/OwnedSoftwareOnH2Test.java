package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class OwnedSoftwareOnH2Test extends OwnedSoftwareOnJdbc {
    OwnedSoftwareOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
