package com.cspdesk.adapters.memory.ordering;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.OrdersContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrdersOnMemoryTest extends OrdersContract {

    @RegisterExtension
    final MemoryAdapters adapters = new MemoryAdapters();

    @Override
    protected Orders orders() {
        return adapters.get(Orders.class);
    }

    @Override
    protected Transactions transactions() {
        return adapters.get(Transactions.class);
    }
}
