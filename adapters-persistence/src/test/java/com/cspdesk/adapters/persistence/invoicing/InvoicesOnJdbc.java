package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.InvoicesContract;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

/** The Invoices contract on the JDBC adapters, which share a database per class; the subclasses choose the database. */
abstract class InvoicesOnJdbc extends InvoicesContract {

    @Override
    protected void startFromNothing() {
        new InvoicingFixtures(port(Customers.class), port(Orders.class), port(Credits.class), port(Transactions.class),
                port(JdbcOperations.class)).clear();
    }
}
