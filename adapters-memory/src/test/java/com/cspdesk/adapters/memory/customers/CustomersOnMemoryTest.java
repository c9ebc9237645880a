package com.cspdesk.adapters.memory.customers;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.CustomersContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class CustomersOnMemoryTest extends CustomersContract {

    @RegisterExtension
    final MemoryAdapters adapters = new MemoryAdapters();

    @Override
    protected Customers customers() {
        return adapters.get(Customers.class);
    }

    @Override
    protected Transactions transactions() {
        return adapters.get(Transactions.class);
    }
}
