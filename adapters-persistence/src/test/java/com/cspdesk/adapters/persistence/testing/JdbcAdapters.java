package com.cspdesk.adapters.persistence.testing;

import com.cspdesk.contracts.Adapters;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The JDBC adapters for a port contract (port-contracts): one context per test class, on a fresh
 * database of its own, started for the class's first test and closed after its last. A contract's
 * test names the database it runs on ({@code @ExtendWith(JdbcAdapters.H2.class)} or
 * {@code @ExtendWith(JdbcAdapters.MariaDb.class)}); any other test may take an {@link Adapters}
 * parameter.
 */
public abstract class JdbcAdapters implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(JdbcAdapters.class);

    private final String database;
    private final Function<String, ApplicationContext> start;

    private JdbcAdapters(String database, Function<String, ApplicationContext> start) {
        this.database = database;
        this.start = start;
    }

    /** H2 in MySQL mode, as {@code ./run-demo} runs it. */
    public static final class H2 extends JdbcAdapters {
        public H2() {
            super("h2", testClass -> H2InMySqlMode.start());
        }
    }

    /** A new database on the shared throwaway MariaDB, migrated by Flyway, as {@code OnMariaDb} makes one. */
    public static final class MariaDb extends JdbcAdapters {
        public MariaDb() {
            super("mariadb", testClass -> {
                ThrowawayMariaDb db = ThrowawayMariaDb.shared();
                Map<String, Object> properties = new HashMap<>(db.properties(db.newDatabase(testClass.toLowerCase(Locale.ROOT))));
                properties.put("flyway.datasources.default.enabled", "true");
                properties.put("cspdesk.sandbox.enabled", "true");
                return ApplicationContext.run(properties);
            });
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == Adapters.class;
    }

    /** The context is kept in the test class's store: all its tests share it, and JUnit closes it with the class. */
    @Override
    public Adapters resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        ExtensionContext testClass = outermostClass(extension);
        ApplicationContext context = testClass.getStore(NAMESPACE).getOrComputeIfAbsent(database,
                key -> new Started(start.apply(testClass.getRequiredTestClass().getSimpleName())), Started.class).context();
        return context::getBean;
    }

    /** The top-level test class's context (the engine's is the root, with no parent of its own). */
    private static ExtensionContext outermostClass(ExtensionContext extension) {
        ExtensionContext current = extension;
        while (current.getParent().flatMap(ExtensionContext::getParent).isPresent()) {
            current = current.getParent().orElseThrow();
        }
        return current;
    }

    private record Started(ApplicationContext context) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            context.close();
        }
    }
}
