package com.cspdesk.adapters.persistence.activity;

import com.cspdesk.adapters.persistence.RoundTripsOnMariaDb;
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
 */
@MicronautTest(startApplication = false, transactional = false)
class ActivityPageRoundTripsTest extends RoundTripsOnMariaDb {

    @Inject
    ActivityRecords records;

    @Test
    void aReadIsOneStatement() {
        ActivityRecords.Criteria criteria = new ActivityRecords.Criteria(Instant.parse("2026-10-22T00:00:00Z"),
                Instant.parse("2026-11-21T00:00:00Z"), Optional.of("customerId"), Optional.of(UUID.randomUUID().toString()), false);
        assertThat(statements().of(() -> records.page(criteria, Optional.empty(), 51))).as("a page").isEqualTo(ONE);
        assertThat(statements().of(() -> records.count(criteria))).as("its count").isEqualTo(ONE);
        assertThat(statements().of(() -> records.pageAndCount(criteria, Optional.empty(), 51))).as("both together")
                .isEqualTo(2 * ONE);
    }
}
