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

/** The Invoices contract on the JDBC adapters; the subclasses choose the database. */
abstract class InvoicesOnJdbc extends InvoicesContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    InvoicesOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
    }

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

    @Override
    protected void startFromNothing() {
        new InvoicingFixtures(customers(), orders(), credits(), transactions(), adapters.get(JdbcOperations.class)).clear();
    }
}
