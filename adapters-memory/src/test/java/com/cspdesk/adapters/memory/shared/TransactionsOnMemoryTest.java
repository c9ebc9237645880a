package com.cspdesk.adapters.memory.shared;

import com.cspdesk.adapters.memory.testing.MemoryAdapters;
import com.cspdesk.contracts.TransactionsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class TransactionsOnMemoryTest extends TransactionsContract {

    @RegisterExtension
    final MemoryAdapters adapters = new MemoryAdapters();

    @Override
    protected <T> T port(Class<T> port) {
        return adapters.get(port);
    }
}
