package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class InvoicesOnMariaDbTest extends InvoicesOnJdbc {
    InvoicesOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
