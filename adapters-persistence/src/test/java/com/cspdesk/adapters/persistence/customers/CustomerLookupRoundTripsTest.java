package com.cspdesk.adapters.persistence.customers;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.testing.ServerStatements;
import com.cspdesk.application.customers.port.out.Customers;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer looked up by tenant id (the first step of every order, software list, key and link) is one statement on the server, not a read-only transaction around it.
 * Round trips are what a read costs under load (bench/, docs/performance.md); counted with the
 * server's own statement counter, less what the counting itself adds.
 */
@MicronautTest(startApplication = false, transactional = false)
class CustomerLookupRoundTripsTest extends OnMariaDb {

    /**
     * The read itself, plus the pool's liveness check of a connection idle for more than 500 ms (it
     * is idle here; under load it is not). In a read-only transaction the same read was 5 (a
     * customer) or 8 (a list, a page, a count) statements.
     */
    private static final long ONE_AND_A_POOL_CHECK = 2;

    @Inject
    Customers customers;

    @Test
    void aReadIsOneStatement() {
        long statements = ServerStatements.fewestOf(3, () -> customers.byTenantId(UUID.randomUUID().toString()));
        assertThat(statements).as("statements for one customer lookup").isLessThanOrEqualTo(ONE_AND_A_POOL_CHECK);
    }
}
