package com.cspdesk.adapters.memory.software;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.EntitlementsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class EntitlementsOnMemoryTest extends EntitlementsContract {
}
