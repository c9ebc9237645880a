package com.cspdesk.adapters.memory.support;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.ServiceRequestsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class ServiceRequestsOnMemoryTest extends ServiceRequestsContract {

    /** Each test has a store of its own. */
    @Override
    protected void startFromNothing() {
    }
}
