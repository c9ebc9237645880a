package com.cspdesk.adapters.persistence.cancellation;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.OrderCancellationsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrderCancellationsOnMariaDbTest extends OrderCancellationsContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onMariaDb();

    @Override
    protected OrderCancellations cancellations() {
        return ADAPTERS.get(OrderCancellations.class);
    }

    @Override
    protected Orders orders() {
        return ADAPTERS.get(Orders.class);
    }

    @Override
    protected Customers customers() {
        return ADAPTERS.get(Customers.class);
    }

    @Override
    protected Credits credits() {
        return ADAPTERS.get(Credits.class);
    }

    @Override
    protected Transactions transactions() {
        return ADAPTERS.get(Transactions.class);
    }
}
