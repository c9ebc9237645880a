package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class InvoiceRunsOnMariaDbTest extends InvoiceRunsOnJdbc {
    InvoiceRunsOnMariaDbTest() {
        super(JdbcAdapters.onMariaDb());
    }
}
