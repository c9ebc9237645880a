package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.InvoiceRunsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class InvoiceRunsOnH2Test extends InvoiceRunsContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onH2();

    @Override
    protected InvoiceRuns runs() {
        return ADAPTERS.get(InvoiceRuns.class);
    }

    @Override
    protected Transactions transactions() {
        return ADAPTERS.get(Transactions.class);
    }
}
