package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.invoicing.port.out.JobLock;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.JobLockContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class JobLockOnMariaDbTest extends JobLockContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onMariaDb();

    @Override
    protected JobLock lock() {
        return ADAPTERS.get(JobLock.class);
    }

    @Override
    protected InvoiceRuns runs() {
        return ADAPTERS.get(InvoiceRuns.class);
    }

    @Override
    protected Transactions transactions() {
        return ADAPTERS.get(Transactions.class);
    }
}
