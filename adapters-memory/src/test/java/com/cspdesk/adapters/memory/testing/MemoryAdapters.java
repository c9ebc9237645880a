package com.cspdesk.adapters.memory.testing;

import com.cspdesk.adapters.memory.shared.MemoryTransactions;
import com.cspdesk.contracts.Adapters;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Map;

/**
 * The memory adapters as the application gets them: a context with {@code cspdesk.persistence=memory}
 * and nothing else, so every port a contract asks for is the memory bean. Every test gets a context of
 * its own, so a store that starts empty, closed after the test. A contract's test says
 * {@code @ExtendWith(MemoryAdapters.class)}; any other test may take an {@link Adapters} parameter.
 */
public final class MemoryAdapters implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MemoryAdapters.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Adapters.class;
    }

    /** The test method's store: its set-up and the test itself share the context, the next test does not. */
    @Override
    public Adapters resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        ApplicationContext context = extension.getStore(NAMESPACE).getOrComputeIfAbsent(Started.class,
                key -> new Started(ApplicationContext.run(Map.of(MemoryTransactions.PERSISTENCE, MemoryTransactions.MEMORY))),
                Started.class).context();
        return context::getBean;
    }

    private record Started(ApplicationContext context) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            context.close();
        }
    }
}
