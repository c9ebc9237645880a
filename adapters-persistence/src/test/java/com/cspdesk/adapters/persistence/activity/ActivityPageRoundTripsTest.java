package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.testing.SessionStatements;
import com.cspdesk.application.activity.port.out.ActivityRecords;
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
 * A page of the activity log and its count are one statement each on the server.
 * Round trips are what a read costs under load (bench/, docs/performance.md); counted on the test's own
 * database session ({@link SessionStatements}), less what the counting itself adds.
 */
@MicronautTest(startApplication = false, transactional = false)
class ActivityPageRoundTripsTest extends OnMariaDb {

    /** In a read-only transaction the same read was 5 (a customer) or 8 (a list, a page, a count) statements. */
    private static final long ONE = 1;

    @Inject
    ActivityRecords records;
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
        ActivityRecords.Criteria criteria = new ActivityRecords.Criteria(Instant.parse("2026-10-22T00:00:00Z"),
                Instant.parse("2026-11-21T00:00:00Z"), Optional.of("customerId"), Optional.of(UUID.randomUUID().toString()), false);
        assertThat(statements().of(() -> records.page(criteria, Optional.empty(), 51))).as("a page").isEqualTo(ONE);
        assertThat(statements().of(() -> records.count(criteria))).as("its count").isEqualTo(ONE);
    }
}
