package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.contracts.CreditsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class CreditsOnMemoryTest extends CreditsContract {

    @RegisterExtension
    final MemoryAdapters adapters = new MemoryAdapters();

    @Override
    protected Credits credits() {
        return adapters.get(Credits.class);
    }

    @Override
    protected Orders orders() {
        return adapters.get(Orders.class);
    }
}
