package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of the activity log and its count are one statement each on the server.
 * Round trips are what a read costs under load (bench/, docs/performance.md); counted with the
 * server's own statement counter, less what the counting itself adds.
 */
@MicronautTest(startApplication = false, transactional = false)
class ActivityPageRoundTripsTest extends OnMariaDb {

    /**
     * The read itself, plus the pool's liveness check of a connection idle for more than 500 ms (it
     * is idle here; under load it is not). In a read-only transaction the same read was 5 (a
     * customer) or 8 (a list, a page, a count) statements.
     */
    private static final long ONE_AND_A_POOL_CHECK = 2;

    @Inject
    ActivityRecords records;

    @Test
    void aReadIsOneStatement() throws SQLException {
        statementsOf(() -> null); // the pool's first connections are made outside the count
        ActivityRecords.Criteria criteria = new ActivityRecords.Criteria(Instant.parse("2026-10-22T00:00:00Z"),
                Instant.parse("2026-11-21T00:00:00Z"), Optional.of("customerId"), Optional.of(UUID.randomUUID().toString()), false);
        assertThat(statementsOf(() -> records.page(criteria, Optional.empty(), 51))).as("a page").isLessThanOrEqualTo(ONE_AND_A_POOL_CHECK);
        assertThat(statementsOf(() -> records.count(criteria))).as("its count").isLessThanOrEqualTo(ONE_AND_A_POOL_CHECK);
    }

    /** Statements the server ran for {@code read} (SHOW GLOBAL STATUS 'Questions'; this suite runs alone in its JVM). */
    private static long statementsOf(java.util.function.Supplier<?> read) throws SQLException {
        try (Connection counter = ThrowawayMariaDb.shared().connect()) {
            long idle = questions(counter);
            long baseline = questions(counter) - idle;
            long before = questions(counter);
            read.get();
            return questions(counter) - before - baseline;
        }
    }

    private static long questions(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
