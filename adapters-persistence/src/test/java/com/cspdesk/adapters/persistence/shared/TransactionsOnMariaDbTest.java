package com.cspdesk.adapters.persistence.shared;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class TransactionsOnMariaDbTest extends TransactionsOnJdbc {
    TransactionsOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
