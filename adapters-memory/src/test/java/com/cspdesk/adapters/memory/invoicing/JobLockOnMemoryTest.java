package com.cspdesk.adapters.memory.invoicing;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.invoicing.port.out.JobLock;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.JobLockContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class JobLockOnMemoryTest extends JobLockContract {

    @RegisterExtension
    final MemoryAdapters adapters = new MemoryAdapters();

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
