package com.cspdesk.adapters.memory.support;

import com.cspdesk.adapters.memory.MemoryAdapters;
import com.cspdesk.application.support.port.out.ServiceRequests;
import com.cspdesk.contracts.ServiceRequestsContract;
import org.junit.jupiter.api.AfterEach;

class ServiceRequestsOnMemoryTest extends ServiceRequestsContract {

    private final MemoryAdapters adapters = new MemoryAdapters();

    @AfterEach
    void close() {
        adapters.close();
    }

    @Override
    protected ServiceRequests requests() {
        return adapters.get(ServiceRequests.class);
    }

    /** Each test has a store of its own. */
    @Override
    protected void startFromNothing() {
    }
}
