package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.OrderCancellationsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrderCancellationsOnMemoryTest extends OrderCancellationsContract {

    @RegisterExtension
    final MemoryAdapters adapters = new MemoryAdapters();

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
