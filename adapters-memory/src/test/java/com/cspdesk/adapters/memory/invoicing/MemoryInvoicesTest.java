package com.cspdesk.adapters.memory.invoicing;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.invoicing.port.out.Invoices;
import com.cspdesk.application.invoicing.port.out.JobLock;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.InvoicesContract;
import org.junit.jupiter.api.AfterEach;

/** InvoicesContract on the memory adapter, a new empty store for each test. */
class MemoryInvoicesTest extends InvoicesContract {

    private final MemoryAdapters memory = MemoryAdapters.start();

    @AfterEach
    void stop() {
        memory.close();
    }

    @Override
    protected Invoices invoices() {
        return memory.get(Invoices.class);
    }

    @Override
    protected InvoiceRuns runs() {
        return memory.get(InvoiceRuns.class);
    }

    @Override
    protected JobLock lock() {
        return memory.get(JobLock.class);
    }

    @Override
    protected Customers customers() {
        return memory.get(Customers.class);
    }

    @Override
    protected Orders orders() {
        return memory.get(Orders.class);
    }

    @Override
    protected Credits credits() {
        return memory.get(Credits.class);
    }

    @Override
    protected Transactions transactions() {
        return memory.get(Transactions.class);
    }

    /** Each test has a store of its own. */
    @Override
    protected void startFromNothing() {
    }
}
