package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.OrderCancellationsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OrderCancellations contract on the JDBC adapters; the subclasses choose the database. */
abstract class OrderCancellationsOnJdbc extends OrderCancellationsContract {

    @RegisterExtension
    final JdbcAdapters adapters;

    OrderCancellationsOnJdbc(JdbcAdapters adapters) {
        this.adapters = adapters;
    }

    @Override
    protected OrderCancellations cancellations() {
        return adapters.get(OrderCancellations.class);
    }

    @Override
    protected Orders orders() {
        return adapters.get(Orders.class);
    }

    @Override
    protected Customers customers() {
        return adapters.get(Customers.class);
    }

    @Override
    protected Credits credits() {
        return adapters.get(Credits.class);
    }

    @Override
    protected Transactions transactions() {
        return adapters.get(Transactions.class);
    }
}
