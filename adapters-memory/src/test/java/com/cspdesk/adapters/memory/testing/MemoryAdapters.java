package com.cspdesk.adapters.memory.testing;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Map;

/**
 * The memory adapters as the application gets them: a context with {@code cspdesk.persistence=memory}
 * and nothing else, so every port a contract asks for is the memory bean, and a test that makes a
 * new one starts from an empty store. Register it as an instance field
 * ({@code @RegisterExtension final MemoryAdapters adapters = new MemoryAdapters();}): every test gets
 * its own, closed after the test.
 */
public final class MemoryAdapters implements AutoCloseable, AfterEachCallback {

    private final ApplicationContext context =
            ApplicationContext.run(Map.of(MemoryTransactions.PERSISTENCE, MemoryTransactions.MEMORY));

    public <T> T get(Class<T> port) {
        return context.getBean(port);
    }

    @Override
    public void afterEach(ExtensionContext extension) {
        close();
    }

    @Override
    public void close() {
        context.close();
    }
}
