package com.cspdesk.adapters.persistence.customers;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.testing.SessionStatements;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer looked up by tenant id (the first step of every order, software list, key and link) is one statement on the server, not a read-only transaction around it.
 * Round trips are what a read costs under load (bench/, docs/performance.md); counted on the test's own
 * database session ({@link SessionStatements}), less what the counting itself adds.
 */
@MicronautTest(startApplication = false, transactional = false)
class CustomerLookupRoundTripsTest extends OnMariaDb {

    /** In a read-only transaction the same read was 5 (a customer) or 8 (a list, a page, a count) statements. */
    private static final long ONE = 1;

    @Inject
    Customers customers;
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

    private SessionStatements statements() {
        return new SessionStatements(transactions, jdbc);
    }

    @Test
    void aReadIsOneStatement() {
        long lookup = statements().of(() -> customers.byTenantId(UUID.randomUUID().toString()));
        assertThat(lookup).as("statements for one customer lookup").isEqualTo(ONE);
    }
}
