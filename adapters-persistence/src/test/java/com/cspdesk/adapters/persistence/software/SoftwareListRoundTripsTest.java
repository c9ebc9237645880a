package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;
import com.cspdesk.application.software.port.out.OwnedSoftware;
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
 * A customer'\''s software list, and one entitlement, are one statement each on the server.
 * Round trips are what a read costs under load (bench/, docs/performance.md); counted with the
 * server's own statement counter, less what the counting itself adds.
 */
@MicronautTest(startApplication = false, transactional = false)
class SoftwareListRoundTripsTest extends OnMariaDb {

    /**
     * The read itself, plus the pool's liveness check of a connection idle for more than 500 ms (it
     * is idle here; under load it is not). In a read-only transaction the same read was 5 (a
     * customer) or 8 (a list, a page, a count) statements.
     */
    private static final long ONE_AND_A_POOL_CHECK = 2;

    @Inject
    OwnedSoftware owned;

    @Test
    void aReadIsOneStatement() throws SQLException {
        statementsOf(() -> null); // the pool's first connections are made outside the count
        assertThat(statementsOf(() -> owned.ofCustomer(UUID.randomUUID().toString()))).as("a software list").isLessThanOrEqualTo(ONE_AND_A_POOL_CHECK);
        assertThat(statementsOf(() -> owned.find(UUID.randomUUID().toString(), UUID.randomUUID().toString())))
                .as("one entitlement").isLessThanOrEqualTo(ONE_AND_A_POOL_CHECK);
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
