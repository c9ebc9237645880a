package com.cspdesk.adapters.memory;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import io.micronaut.context.ApplicationContext;

import java.util.Map;

/**
 * The memory adapters as the application gets them: a context with {@code cspdesk.persistence=memory}
 * and nothing else, so every port a contract asks for is the memory bean, and a test that makes a
 * new one starts from an empty store.
 */
public final class MemoryAdapters implements AutoCloseable {

    private final ApplicationContext context =
            ApplicationContext.run(Map.of(MemoryTransactions.PERSISTENCE, MemoryTransactions.MEMORY));

    public <T> T get(Class<T> port) {
        return context.getBean(port);
    }

    @Override
    public void close() {
        context.close();
    }
}
