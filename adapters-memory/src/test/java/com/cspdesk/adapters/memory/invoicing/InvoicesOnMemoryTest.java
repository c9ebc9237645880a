package com.cspdesk.adapters.memory.invoicing;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.InvoicesContract;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(MemoryAdapters.class)
class InvoicesOnMemoryTest extends InvoicesContract {

    /** Each test has a store of its own. */
    @Override
    protected void startFromNothing() {
    }
}
