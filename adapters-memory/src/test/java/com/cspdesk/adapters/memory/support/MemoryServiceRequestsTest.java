package com.cspdesk.adapters.memory.support;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.support.port.out.ServiceRequests;
import com.cspdesk.contracts.ServiceRequestsContract;
import org.junit.jupiter.api.AfterEach;

/** ServiceRequestsContract on the memory adapter, a new empty store for each test. */
class MemoryServiceRequestsTest extends ServiceRequestsContract {

    private final MemoryAdapters memory = MemoryAdapters.start();

    @AfterEach
    void stop() {
        memory.close();
    }

    @Override
    protected ServiceRequests requests() {
        return memory.get(ServiceRequests.class);
    }

    /** Each test has a store of its own. */
    @Override
    protected void startFromNothing() {
    }
}
