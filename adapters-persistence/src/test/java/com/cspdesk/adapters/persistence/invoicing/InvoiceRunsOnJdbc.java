package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.InvoiceRunsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The InvoiceRuns contract on the JDBC adapters; the subclasses choose the database. */
abstract class InvoiceRunsOnJdbc extends InvoiceRunsContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    InvoiceRunsOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    protected InvoiceRuns runs() {
        return adapters.get(InvoiceRuns.class);
    }

    @Override
    protected Transactions transactions() {
        return adapters.get(Transactions.class);
    }
}
