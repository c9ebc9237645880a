package com.cspdesk.adapters.persistence.testing;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The JDBC adapters for a port contract (port-contracts): a context started before the test class
 * on a fresh database of its own and closed after it. Register it as a static field:
 * {@code @RegisterExtension static final JdbcAdapters ADAPTERS = JdbcAdapters.onH2();}, then hand
 * the contract its ports with {@link #get}.
 */
public final class JdbcAdapters implements BeforeAllCallback, AfterAllCallback {

    private final Function<String, ApplicationContext> start;
    private ApplicationContext context;

    private JdbcAdapters(Function<String, ApplicationContext> start) {
        this.start = start;
    }

    /** H2 in MySQL mode, as {@code ./run-demo} runs it. */
    public static JdbcAdapters onH2() {
        return new JdbcAdapters(testClass -> H2InMySqlMode.start());
    }

    /** A new database on the shared throwaway MariaDB, migrated by Flyway, as {@code OnMariaDb} makes one. */
    public static JdbcAdapters onMariaDb() {
        return new JdbcAdapters(testClass -> {
            ThrowawayMariaDb db = ThrowawayMariaDb.shared();
            Map<String, Object> properties = new HashMap<>(db.properties(db.newDatabase(testClass.toLowerCase(Locale.ROOT))));
            properties.put("flyway.datasources.default.enabled", "true");
            properties.put("cspdesk.sandbox.enabled", "true");
            return ApplicationContext.run(properties);
        });
    }

    public <T> T get(Class<T> port) {
        if (context == null) {
            throw new IllegalStateException("JdbcAdapters must be registered as a static @RegisterExtension field");
        }
        return context.getBean(port);
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        context = start.apply(extension.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
