package com.cspdesk.adapters.persistence.software;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.testing.SessionStatements;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.software.port.out.OwnedSoftware;
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
 * A customer's software list, and one entitlement, are one statement each on the server.
 * Round trips are what a read costs under load (bench/, docs/performance.md); counted on the test's own
 * database session ({@link SessionStatements}), less what the counting itself adds.
 */
@MicronautTest(startApplication = false, transactional = false)
class SoftwareListRoundTripsTest extends OnMariaDb {

    /** In a read-only transaction the same read was 5 (a customer) or 8 (a list, a page, a count) statements. */
    private static final long ONE = 1;

    @Inject
    OwnedSoftware owned;
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
        assertThat(statements().of(() -> owned.ofCustomer(UUID.randomUUID().toString()))).as("a software list").isEqualTo(ONE);
        assertThat(statements().of(() -> owned.find(UUID.randomUUID().toString(), UUID.randomUUID().toString())))
                .as("one entitlement").isEqualTo(ONE);
    }
}
