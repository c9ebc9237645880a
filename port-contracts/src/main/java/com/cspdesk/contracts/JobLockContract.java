package com.cspdesk.contracts;

import com.cspdesk.application.invoicing.port.in.InvoiceViews.InvoiceRunView;
import com.cspdesk.application.invoicing.port.out.InvoiceRuns;
import com.cspdesk.application.invoicing.port.out.JobLock;
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

/**
 * What every {@link JobLock} must do: a lock is held by one at a time (a second run of the name is
 * refused without running, another name runs), released when the task ends however it ends, and
 * taking it inside a unit of work neither commits nor blocks that unit.
 */
public abstract class JobLockContract extends PortContract {

    private static final Duration AT_MOST = Duration.ofMinutes(5);

    @Test
    void whileOneThreadHoldsTheLockASecondRunIsRefusedWithoutRunning() throws Exception {
        String name = "invoicing-" + UUID.randomUUID();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            JobLock lock = port(JobLock.class);
            CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> lock.runExclusively(name, AT_MOST, () -> {
                holding.countDown();
                Latches.await(release);
            }), thread);
            assertThat(holding.await(60, TimeUnit.SECONDS)).isTrue();

            AtomicBoolean secondRan = new AtomicBoolean();
            boolean second = lock.runExclusively(name, AT_MOST, () -> secondRan.set(true));
            AtomicBoolean otherRan = new AtomicBoolean();
            boolean other = lock.runExclusively(name + "-other", AT_MOST, () -> otherRan.set(true));
            release.countDown();

            assertThat(second).isFalse();
            assertThat(secondRan).isFalse();
            assertThat(other).isTrue();
            assertThat(otherRan).isTrue();
            assertThat(first.get(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
            thread.shutdownNow();
        }
        // Released when the task ended: the next run takes it.
        AtomicBoolean thirdRan = new AtomicBoolean();
        assertThat(port(JobLock.class).runExclusively(name, AT_MOST, () -> thirdRan.set(true))).isTrue();
        assertThat(thirdRan).isTrue();
    }

    @Test
    void aFailingTaskPassesItsExceptionOnAndReleasesTheLock() {
        String name = "invoicing-" + UUID.randomUUID();

        Throwable failed = catchThrowable(() -> port(JobLock.class).runExclusively(name, AT_MOST, () -> {
            throw new IllegalStateException("the database went away");
        }));

        assertThat(failed).isInstanceOf(IllegalStateException.class).hasMessage("the database went away");
        assertThat(port(JobLock.class).runExclusively(name, AT_MOST, () -> { })).isTrue();
    }

    @Test
    void takingTheLockInsideAUnitOfWorkDoesNotCommitIt() {
        String runId = UUID.randomUUID().toString();
        Throwable failed = catchThrowable(() -> inTransaction(() -> {
            port(InvoiceRuns.class).save(new InvoiceRunView(runId, YearMonth.of(2026, 11), "running",
                    Instant.parse("2026-12-01T00:00:00Z"),
                    Optional.empty(), 0, 0, 0, "scheduler"));
            port(JobLock.class).runExclusively("invoicing-" + UUID.randomUUID(), AT_MOST, () -> { });
            throw new IllegalStateException("rolled back");
        }));

        assertThat(failed).hasMessage("rolled back");
        assertThat(port(InvoiceRuns.class).find(runId)).isEmpty();
    }
}
