package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.invoicing.port.out.JobLock;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock is ShedLock's row in the {@code shedlock} table, held until the task ends, so other
 * instances see it; what every job lock must do is {@link com.cspdesk.contracts.JobLockContract}'s.
 */
@MicronautTest(startApplication = false, transactional = false)
class ShedLockJobLockTest extends OnMariaDb {

    private static final Duration AT_MOST = Duration.ofMinutes(5);

    @Inject
    JobLock lock;
    @Inject
    Transactions transactions;
    @Inject
    JdbcOperations jdbc;

    @Test
    void whileTheTaskRunsTheLockIsARowOtherInstancesSeeAndItEndsWithTheTask() {
        String name = "invoicing-" + UUID.randomUUID();
        AtomicReference<Optional<String>> lockedBy = new AtomicReference<>();

        assertThat(lock.runExclusively(name, AT_MOST, () -> lockedBy.set(heldBy(name)))).isTrue();

        assertThat(lockedBy.get()).hasValueSatisfying(by -> assertThat(by).isNotBlank());
        assertThat(heldBy(name)).as("released when the task ended (lockAtLeastFor is zero)").isEmpty();
    }

    private Optional<String> heldBy(String name) {
        return transactions.inTransaction(() -> JdbcRows.one(jdbc,
                "SELECT locked_by FROM shedlock WHERE name = ? AND lock_until > UTC_TIMESTAMP(3)",
                row -> row.getString(1), name));
    }
}
