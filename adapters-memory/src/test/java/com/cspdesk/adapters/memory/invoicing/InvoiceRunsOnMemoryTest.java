package com.cspdesk.adapters.memory.invoicing;

import com.cspdesk.adapters.memory.MemoryAdapters;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.InvoiceRunsContract;
import org.junit.jupiter.api.AfterEach;

class InvoiceRunsOnMemoryTest extends InvoiceRunsContract {

    private final MemoryAdapters adapters = new MemoryAdapters();

    @AfterEach
    void close() {
        adapters.close();
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
