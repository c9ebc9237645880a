package com.cspdesk.adapters.persistence.identity;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class UsersOnMariaDbTest extends UsersOnJdbc {
    UsersOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
