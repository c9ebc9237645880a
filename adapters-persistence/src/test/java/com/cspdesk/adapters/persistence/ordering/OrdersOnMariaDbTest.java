package com.cspdesk.adapters.persistence.ordering;

import com.cspdesk.adapters.persistence.testing.JdbcAdapters;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.OrdersContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrdersOnMariaDbTest extends OrdersContract {

    @RegisterExtension
    static final JdbcAdapters ADAPTERS = JdbcAdapters.onMariaDb();

    @Override
    protected Orders orders() {
        return ADAPTERS.get(Orders.class);
    }

    @Override
    protected Transactions transactions() {
        return ADAPTERS.get(Transactions.class);
    }
}
