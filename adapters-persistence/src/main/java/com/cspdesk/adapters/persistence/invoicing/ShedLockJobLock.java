package com.cspdesk.adapters.persistence.invoicing;

import com.cspdesk.adapters.persistence.shared.StoredInDatabase;
import com.cspdesk.application.invoicing.port.out.JobLock;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.ClockProvider;
import net.javacrumbs.shedlock.provider.jdbc.JdbcLockProvider;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;

/**
 * Architecture "Scaling past one machine": a job runs on one instance at a time, under ShedLock's
 * plain-JDBC lock in the {@code shedlock} table (V5). The lock is taken with an INSERT (or an UPDATE
 * of an expired row), held until the task ends (lockAtLeastFor is zero) and at most
 * {@code lockAtMostFor} if the instance dies. 5.16's {@link JdbcLockProvider} has no configuration
 * builder (no {@code usingDbTime()}): lock times are this JVM's clock ({@link Instant#now()}, never
 * the sandbox clock), so the instances' clocks must agree to well within lockAtMostFor.
 *
 * <p>ShedLock takes its connections from the pool itself and switches them to auto-commit. It gets the
 * unwrapped pool, not Micronaut's transaction-aware {@link DataSource}: inside a caller's transaction
 * the latter would hand over that transaction's connection and the switch would commit it.
 */
@StoredInDatabase
@Singleton
class ShedLockJobLock implements JobLock {

    static final String TABLE = "shedlock";

    private final LockingTaskExecutor executor;

    ShedLockJobLock(DataSource dataSource) {
        this.executor = new DefaultLockingTaskExecutor(
                new JdbcLockProvider(DelegatingDataSource.unwrapDataSource(dataSource), TABLE));
    }

    @Override
    public boolean runExclusively(String name, Duration lockAtMostFor, Runnable task) {
        // ShedLock's own clock (whole milliseconds): a lock made at a finer instant is released at that
        // instant, which the next run's millisecond "now" can fall short of — a released lock looked held.
        LockConfiguration configuration = new LockConfiguration(ClockProvider.now(), name, lockAtMostFor, Duration.ZERO);
        try {
            return executor.executeWithLock((LockingTaskExecutor.TaskWithResult<Void>) () -> {
                task.run();
                return null;
            }, configuration).wasExecuted();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable checked) {
            throw new IllegalStateException(checked);
        }
    }
}
