package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.invoicing.port.out.JobLock;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.JobLockContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JobLock contract on the JDBC adapters; the subclasses choose the database. */
abstract class JobLockOnJdbc extends JobLockContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    JobLockOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    protected JobLock lock() {
        return adapters.get(JobLock.class);
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
