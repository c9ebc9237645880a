package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.OrderCancellationsContract;
import org.junit.jupiter.api.AfterEach;

/** OrderCancellationsContract on the memory adapter, a new empty store for each test. */
class MemoryOrderCancellationsTest extends OrderCancellationsContract {

    private final MemoryAdapters memory = MemoryAdapters.start();

    @AfterEach
    void stop() {
        memory.close();
    }

    @Override
    protected OrderCancellations cancellations() {
        return memory.get(OrderCancellations.class);
    }

    @Override
    protected Orders orders() {
        return memory.get(Orders.class);
    }

    @Override
    protected Customers customers() {
        return memory.get(Customers.class);
    }

    @Override
    protected Credits credits() {
        return memory.get(Credits.class);
    }

    @Override
    protected Transactions transactions() {
        return memory.get(Transactions.class);
    }
}
