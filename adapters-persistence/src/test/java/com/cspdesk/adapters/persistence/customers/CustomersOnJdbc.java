package com.cspdesk.adapters.persistence.customers;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.CustomersContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Customers contract on the JDBC adapters; the subclasses choose the database. */
abstract class CustomersOnJdbc extends CustomersContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    CustomersOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    protected Customers customers() {
        return adapters.get(Customers.class);
    }

    @Override
    protected Transactions transactions() {
        return adapters.get(Transactions.class);
    }
}
