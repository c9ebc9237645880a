package com.cspdesk.adapters.memory.invoicing;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.invoicing.port.out.JobLock;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.JobLockContract;
import org.junit.jupiter.api.AfterEach;

/** JobLockContract on the memory adapter, a new empty store for each test. */
class MemoryJobLockTest extends JobLockContract {

    private final MemoryAdapters memory = MemoryAdapters.start();

    @AfterEach
    void stop() {
        memory.close();
    }

    @Override
    protected JobLock lock() {
        return memory.get(JobLock.class);
    }

    @Override
    protected InvoiceRuns runs() {
        return memory.get(InvoiceRuns.class);
    }

    @Override
    protected Transactions transactions() {
        return memory.get(Transactions.class);
    }
}
