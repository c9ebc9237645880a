package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;

class InvoicesOnH2Test extends InvoicesOnJdbc {
    InvoicesOnH2Test() {
        super(JdbcAdapters.onH2());
    }
}
