package com.cspdesk.adapters.memory.invoicing;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.InvoiceRunsContract;
import org.junit.jupiter.api.AfterEach;

/** InvoiceRunsContract on the memory adapter, a new empty store for each test. */
class MemoryInvoiceRunsTest extends InvoiceRunsContract {

    private final MemoryAdapters memory = MemoryAdapters.start();

    @AfterEach
    void stop() {
        memory.close();
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
