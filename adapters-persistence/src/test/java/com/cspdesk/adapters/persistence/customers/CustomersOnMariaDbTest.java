package com.cspdesk.adapters.persistence.customers;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.CustomersContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class CustomersOnMariaDbTest extends CustomersContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onMariaDb();

    @Override
    protected Customers customers() {
        return ADAPTERS.get(Customers.class);
    }

    @Override
    protected Transactions transactions() {
        return ADAPTERS.get(Transactions.class);
    }
}
