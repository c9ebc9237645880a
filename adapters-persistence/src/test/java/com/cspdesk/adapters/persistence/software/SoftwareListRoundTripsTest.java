package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.testing.ServerStatements;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

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
    void aReadIsOneStatement() {
        assertThat(ServerStatements.fewestOf(3, () -> owned.ofCustomer(UUID.randomUUID().toString()))).as("a software list").isLessThanOrEqualTo(ONE_AND_A_POOL_CHECK);
        assertThat(ServerStatements.fewestOf(3, () -> owned.find(UUID.randomUUID().toString(), UUID.randomUUID().toString())))
                .as("one entitlement").isLessThanOrEqualTo(ONE_AND_A_POOL_CHECK);
    }
}
