package com.cspdesk.adapters.memory.portfolio;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.AcrossCustomersContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class AcrossCustomersOnMemoryTest extends AcrossCustomersContract {
}
