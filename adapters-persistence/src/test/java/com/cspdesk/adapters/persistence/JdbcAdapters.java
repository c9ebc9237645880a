package com.cspdesk.adapters.persistence;

import com.cspdesk.adapters.persistence.testing.H2InMySqlMode;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.util.HashMap;

/**
 * The JDBC adapters in a started context, on H2 in MySQL mode or on a new database of the throwaway
 * MariaDB, for the port contracts (one context per test class; the caller closes it).
 */
public final class JdbcAdapters implements AutoCloseable {

    private final ApplicationContext context;

    private JdbcAdapters(ApplicationContext context) {
        this.context = context;
    }

    public static JdbcAdapters onH2() {
        return new JdbcAdapters(H2InMySqlMode.start());
    }

    /** {@code name}: letters, digits and underscores, the new database's prefix. */
    public static JdbcAdapters onMariaDb(String name) {
        return new JdbcAdapters(ApplicationContext.run(new HashMap<String, Object>(OnMariaDb.properties(name))));
    }

    public <T> T get(Class<T> type) {
        return context.getBean(type);
    }

    /** Empties the tables, in the order given (children before parents), in one transaction. */
    public void deleteFrom(String... tables) {
        JdbcOperations jdbc = get(JdbcOperations.class);
        get(Transactions.class).inTransaction(() -> {
            for (String table : tables) {
                jdbc.prepareStatement("DELETE FROM " + table, statement -> statement.executeUpdate());
            }
            return null;
        });
    }

    @Override
    public void close() {
        context.close();
    }
}
