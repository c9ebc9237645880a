package com.cspdesk.adapters.persistence.customers;

import com.cspdesk.adapters.persistence.RoundTripsOnMariaDb;
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
 */
@MicronautTest(startApplication = false, transactional = false)
class CustomerLookupRoundTripsTest extends RoundTripsOnMariaDb {

    @Inject
    Customers customers;

    @Test
    void aReadIsOneStatement() {
        long lookup = statements().of(() -> customers.byTenantId(UUID.randomUUID().toString()));
        assertThat(lookup).as("statements for one customer lookup").isEqualTo(ONE);
    }
}
