package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.SoftwareRevocationsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class SoftwareRevocationsOnMemoryTest extends SoftwareRevocationsContract {
}
