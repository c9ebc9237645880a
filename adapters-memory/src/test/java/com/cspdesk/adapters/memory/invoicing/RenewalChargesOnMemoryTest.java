package com.cspdesk.adapters.memory.invoicing;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.RenewalChargesContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class RenewalChargesOnMemoryTest extends RenewalChargesContract {
}
