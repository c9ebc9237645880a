package com.cspdesk.adapters.persistence.identity;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class UsersOnH2Test extends UsersOnJdbc {
    UsersOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
