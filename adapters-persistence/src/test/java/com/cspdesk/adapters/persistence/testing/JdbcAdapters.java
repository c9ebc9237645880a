package com.cspdesk.adapters.persistence.testing;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The JDBC adapters for a port contract (port-contracts): one context per test class, on a fresh
 * database of its own, started before the class's first test and closed after its last. Register it
 * as a field, static or not: a contract's {@code <Port>OnJdbc} holds it in an instance field its
 * subclasses fill ({@code super(JdbcAdapters.onH2())}), so the fixtures are written once for both
 * databases. Hand the contract its ports with {@link #get}.
 */
public final class JdbcAdapters implements BeforeEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(JdbcAdapters.class);

    private final String database;
    private final Function<String, ApplicationContext> start;
    private ApplicationContext context;

    private JdbcAdapters(String database, Function<String, ApplicationContext> start) {
        this.database = database;
        this.start = start;
    }

    /** H2 in MySQL mode, as {@code ./run-demo} runs it. */
    public static JdbcAdapters onH2() {
        return new JdbcAdapters("h2", testClass -> H2InMySqlMode.start());
    }

    /** A new database on the shared throwaway MariaDB, migrated by Flyway, as {@code OnMariaDb} makes one. */
    public static JdbcAdapters onMariaDb() {
        return new JdbcAdapters("mariadb", testClass -> {
            ThrowawayMariaDb db = ThrowawayMariaDb.shared();
            Map<String, Object> properties = new HashMap<>(db.properties(db.newDatabase(testClass.toLowerCase(Locale.ROOT))));
            properties.put("flyway.datasources.default.enabled", "true");
            properties.put("cspdesk.sandbox.enabled", "true");
            return ApplicationContext.run(properties);
        });
    }

    public <T> T get(Class<T> port) {
        if (context == null) {
            throw new IllegalStateException("JdbcAdapters must be registered as a @RegisterExtension field");
        }
        return context.getBean(port);
    }

    /**
     * A field that is not static makes a new JdbcAdapters for every test instance: the context is
     * kept in the test class's store, so all of them share it, and JUnit closes it with the class.
     */
    @Override
    public void beforeEach(ExtensionContext extension) {
        ExtensionContext testClass = outermostClass(extension);
        context = testClass.getStore(NAMESPACE).getOrComputeIfAbsent(database,
                key -> new Started(start.apply(testClass.getRequiredTestClass().getSimpleName())), Started.class).context();
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
