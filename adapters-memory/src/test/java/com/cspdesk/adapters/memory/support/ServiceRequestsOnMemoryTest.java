package com.cspdesk.adapters.memory.support;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.application.support.port.out.ServiceRequests;
import com.cspdesk.contracts.ServiceRequestsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServiceRequestsOnMemoryTest extends ServiceRequestsContract {

    @RegisterExtension
    final MemoryAdapters adapters = new MemoryAdapters();

    @Override
    protected ServiceRequests requests() {
        return adapters.get(ServiceRequests.class);
    }

    /** Each test has a store of its own. */
    @Override
    protected void startFromNothing() {
    }
}
