package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.contracts.CreditsContract;
import org.junit.jupiter.api.AfterEach;

/** CreditsContract on the memory adapter, a new empty store for each test. */
class MemoryCreditsTest extends CreditsContract {

    private final MemoryAdapters memory = MemoryAdapters.start();

    @AfterEach
    void stop() {
        memory.close();
    }

    @Override
    protected Credits credits() {
        return memory.get(Credits.class);
    }

    @Override
    protected Orders orders() {
        return memory.get(Orders.class);
    }
}
