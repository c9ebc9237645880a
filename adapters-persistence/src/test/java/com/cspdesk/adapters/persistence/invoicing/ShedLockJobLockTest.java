package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceRunView;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.invoicing.port.out.JobLock;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@MicronautTest(startApplication = false, transactional = false)
class ShedLockJobLockTest extends OnMariaDb {

    private static final Duration AT_MOST = Duration.ofMinutes(5);

    @Inject
    JobLock lock;
    @Inject
    InvoiceRuns runs;
    @Inject
    Transactions transactions;
    @Inject
    JdbcOperations jdbc;

    @Test
    void whileOneThreadHoldsTheLockASecondRunIsRefusedWithoutRunning() throws Exception {
        String name = "invoicing-" + UUID.randomUUID();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> lock.runExclusively(name, AT_MOST, () -> {
                holding.countDown();
                await(release);
            }), thread);
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

            AtomicBoolean secondRan = new AtomicBoolean();
            boolean second = lock.runExclusively(name, AT_MOST, () -> secondRan.set(true));
            AtomicBoolean otherRan = new AtomicBoolean();
            boolean other = lock.runExclusively(name + "-other", AT_MOST, () -> otherRan.set(true));
            String lockedBy = transactions.inTransaction(() -> JdbcRows.one(jdbc,
                    "SELECT locked_by FROM shedlock WHERE name = ? AND lock_until > UTC_TIMESTAMP(3)",
                    row -> row.getString(1), name)).orElseThrow();
            release.countDown();

            assertThat(second).isFalse();
            assertThat(secondRan).isFalse();
            assertThat(other).isTrue();
            assertThat(otherRan).isTrue();
            assertThat(lockedBy).isNotBlank();
            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
        // Released when the task ended (lockAtLeastFor is zero): the next run takes it.
        AtomicBoolean thirdRan = new AtomicBoolean();
        assertThat(lock.runExclusively(name, AT_MOST, () -> thirdRan.set(true))).isTrue();
        assertThat(thirdRan).isTrue();
    }

    @Test
    void aFailingTaskPassesItsExceptionOnAndReleasesTheLock() {
        String name = "invoicing-" + UUID.randomUUID();

        Throwable failed = catchThrowable(() -> lock.runExclusively(name, AT_MOST, () -> {
            throw new IllegalStateException("the database went away");
        }));

        assertThat(failed).isInstanceOf(IllegalStateException.class).hasMessage("the database went away");
        assertThat(lock.runExclusively(name, AT_MOST, () -> { })).isTrue();
    }

    @Test
    void takingTheLockInsideATransactionDoesNotCommitIt() {
        String runId = UUID.randomUUID().toString();
        Throwable failed = catchThrowable(() -> transactions.inTransaction(() -> {
            runs.save(new InvoiceRunView(runId, YearMonth.of(2026, 11), "running", Instant.parse("2026-12-01T00:00:00Z"),
                    Optional.empty(), 0, 0, 0, "scheduler"));
            lock.runExclusively("invoicing-" + UUID.randomUUID(), AT_MOST, () -> { });
            throw new IllegalStateException("rolled back");
        }));

        assertThat(failed).hasMessage("rolled back");
        assertThat(runs.find(runId)).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
