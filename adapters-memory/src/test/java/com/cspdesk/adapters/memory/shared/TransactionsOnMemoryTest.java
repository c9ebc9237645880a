package com.cspdesk.adapters.memory.shared;

import com.cspdesk.adapters.memory.MemoryAdapters;
import com.cspdesk.contracts.TransactionsContract;
import org.junit.jupiter.api.AfterEach;

class TransactionsOnMemoryTest extends TransactionsContract {

    private final MemoryAdapters adapters = new MemoryAdapters();

    @AfterEach
    void close() {
        adapters.close();
    }

    @Override
    protected <T> T port(Class<T> port) {
        return adapters.get(port);
    }
}
