package com.cspdesk.adapters.persistence.ordering;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.OrdersContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Orders contract on the JDBC adapters; the subclasses choose the database. */
abstract class OrdersOnJdbc extends OrdersContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    OrdersOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    protected Orders orders() {
        return adapters.get(Orders.class);
    }

    @Override
    protected Transactions transactions() {
        return adapters.get(Transactions.class);
    }
}
