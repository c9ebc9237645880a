package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class InvoiceRunsOnH2Test extends InvoiceRunsOnJdbc {
    InvoiceRunsOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
