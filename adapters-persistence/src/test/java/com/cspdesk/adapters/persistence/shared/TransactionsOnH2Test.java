package com.cspdesk.adapters.persistence.shared;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class TransactionsOnH2Test extends TransactionsOnJdbc {
    TransactionsOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
