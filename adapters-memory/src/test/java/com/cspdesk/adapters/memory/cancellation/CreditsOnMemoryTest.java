package com.cspdesk.adapters.memory.cancellation;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.CreditsContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class CreditsOnMemoryTest extends CreditsContract {
}
