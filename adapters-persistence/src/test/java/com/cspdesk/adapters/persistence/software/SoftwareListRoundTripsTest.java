package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.RoundTripsOnMariaDb;
import com.cspdesk.application.software.port.out.OwnedSoftware;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's software list, and one entitlement, are one statement each on the server.
 */
@MicronautTest(startApplication = false, transactional = false)
class SoftwareListRoundTripsTest extends RoundTripsOnMariaDb {

    @Inject
    OwnedSoftware owned;

    @Test
    void aReadIsOneStatement() {
        assertThat(statements().of(() -> owned.ofCustomer(UUID.randomUUID().toString()))).as("a software list").isEqualTo(ONE);
        assertThat(statements().of(() -> owned.find(UUID.randomUUID().toString(), UUID.randomUUID().toString())))
                .as("one entitlement").isEqualTo(ONE);
    }
}
