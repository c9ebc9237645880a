package com.cspdesk.adapters.persistence;

import com.cspdesk.adapters.persistence.testing.SessionStatements;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Inject;

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
        properties.putAll(SessionStatements.ONE_CONNECTION);
        return properties;
    }

    protected SessionStatements statements() {
        return new SessionStatements(transactions, jdbc);
    }
}
