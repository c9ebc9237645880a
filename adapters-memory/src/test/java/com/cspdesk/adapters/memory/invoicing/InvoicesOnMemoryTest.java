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
import org.junit.jupiter.api.extension.RegisterExtension;

class InvoicesOnMemoryTest extends InvoicesContract {

    @RegisterExtension
    final MemoryAdapters adapters = new MemoryAdapters();

    @Override
    protected Invoices invoices() {
        return adapters.get(Invoices.class);
    }

    @Override
    protected InvoiceRuns runs() {
        return adapters.get(InvoiceRuns.class);
    }

    @Override
    protected JobLock lock() {
        return adapters.get(JobLock.class);
    }

    @Override
    protected Customers customers() {
        return adapters.get(Customers.class);
    }

    @Override
    protected Orders orders() {
        return adapters.get(Orders.class);
    }

    @Override
    protected Credits credits() {
        return adapters.get(Credits.class);
    }

    @Override
    protected Transactions transactions() {
        return adapters.get(Transactions.class);
    }

    /** Each test has a store of its own. */
    @Override
    protected void startFromNothing() {
    }
}
