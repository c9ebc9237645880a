package com.cspdesk.adapters.persistence;

import com.cspdesk.adapters.persistence.testing.SessionStatements;
import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;

import java.util.HashMap;
import java.util.Map;

/**
 * Round trips are what a read costs under load (bench/, docs/performance.md): these tests count the
 * statements of a read on the test's own database session ({@link SessionStatements}, one pooled
 * connection), less what the counting itself adds.
 */
public abstract class RoundTripsOnMariaDb extends OnMariaDb {

    /** In a read-only transaction the same read was 5 (a customer) or 8 (a list, a page, a count) statements. */
    protected static final long ONE = 1;

    @Inject
    Transactions transactions;
    @Inject
    JdbcOperations jdbc;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        // Flyway's run with the migration lease takes a second connection (its callbacks'), which a pool of one
        // cannot lend while Flyway holds the first: the schema is migrated before the context, which does not.
        ThrowawayMariaDb db = ThrowawayMariaDb.shared();
        Flyway.configure().dataSource(properties.get("datasources.default.url"), db.username(), db.password())
                .locations("classpath:db/migration").load().migrate();
        properties.put("flyway.datasources.default.enabled", "false");
        properties.putAll(SessionStatements.ONE_CONNECTION);
        return properties;
    }

    protected SessionStatements statements() {
        return new SessionStatements(transactions, jdbc);
    }
}
