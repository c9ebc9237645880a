package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.testing.ServerStatements;
import com.cspdesk.application.activity.port.out.ActivityRecords;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

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
    void aReadIsOneStatement() {
        ActivityRecords.Criteria criteria = new ActivityRecords.Criteria(Instant.parse("2026-10-22T00:00:00Z"),
                Instant.parse("2026-11-21T00:00:00Z"), Optional.of("customerId"), Optional.of(UUID.randomUUID().toString()), false);
        assertThat(ServerStatements.fewestOf(3, () -> records.page(criteria, Optional.empty(), 51))).as("a page").isLessThanOrEqualTo(ONE_AND_A_POOL_CHECK);
        assertThat(ServerStatements.fewestOf(3, () -> records.count(criteria))).as("its count").isLessThanOrEqualTo(ONE_AND_A_POOL_CHECK);
    }
}
