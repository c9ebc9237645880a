package com.cspdesk.adapters.memory.testing;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import io.micronaut.context.ApplicationContext;

import java.util.Map;

/**
 * The memory adapters as the product wires them (a Micronaut context with
 * {@code cspdesk.persistence=memory}), a new empty store for every test; the caller closes it.
 */
public final class MemoryAdapters implements AutoCloseable {

    private final ApplicationContext context;

    private MemoryAdapters() {
        this.context = ApplicationContext.run(Map.of(MemoryTransactions.PERSISTENCE, MemoryTransactions.MEMORY));
    }

    public static MemoryAdapters start() {
        return new MemoryAdapters();
    }

    public <T> T get(Class<T> port) {
        return context.getBean(port);
    }

    @Override
    public void close() {
        context.close();
    }
}
