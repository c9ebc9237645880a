package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class CreditsOnH2Test extends CreditsOnJdbc {
    CreditsOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
