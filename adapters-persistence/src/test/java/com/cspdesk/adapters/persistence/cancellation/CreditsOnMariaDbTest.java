package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class CreditsOnMariaDbTest extends CreditsOnJdbc {
    CreditsOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
