package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.invoicing.port.out.Invoices;
import com.cspdesk.application.invoicing.port.out.JobLock;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.InvoicesContract;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.junit.jupiter.api.extension.RegisterExtension;

class InvoicesOnMariaDbTest extends InvoicesContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onMariaDb();

    @Override
    protected Invoices invoices() {
        return ADAPTERS.get(Invoices.class);
    }

    @Override
    protected InvoiceRuns runs() {
        return ADAPTERS.get(InvoiceRuns.class);
    }

    @Override
    protected JobLock lock() {
        return ADAPTERS.get(JobLock.class);
    }

    @Override
    protected Customers customers() {
        return ADAPTERS.get(Customers.class);
    }

    @Override
    protected Orders orders() {
        return ADAPTERS.get(Orders.class);
    }

    @Override
    protected Credits credits() {
        return ADAPTERS.get(Credits.class);
    }

    @Override
    protected Transactions transactions() {
        return ADAPTERS.get(Transactions.class);
    }

    @Override
    protected void startFromNothing() {
        new InvoicingFixtures(customers(), orders(), credits(), transactions(), ADAPTERS.get(JdbcOperations.class)).clear();
    }
}
