package com.cspdesk.adapters.memory.identity;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.ApplicationsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class ApplicationsOnMemoryTest extends ApplicationsContract {
}
