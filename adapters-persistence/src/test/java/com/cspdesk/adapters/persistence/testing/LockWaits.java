package com.cspdesk.adapters.persistence.testing;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What InnoDB itself says about row locks in the test's database: a test that wants "the second
 * transaction waits for the first" waits until the server shows it waiting, instead of sleeping
 * and hoping it got there. The bound is only a safety net; the assertion is about the state.
 *
 * <p>InnoDB fills {@code INNODB_TRX} from a cache it refreshes only when the previous read is more
 * than 100 ms old, so reads are spaced by {@link #REFRESHED} (more frequent polling would keep
 * reading the same stale picture).
 */
public final class LockWaits {

    private static final Duration AT_MOST = Duration.ofSeconds(30);
    private static final Duration REFRESHED = Duration.ofMillis(250);
    private static final String WAITING = "SELECT COUNT(*) FROM information_schema.INNODB_TRX t"
            + " JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id"
            + " WHERE t.trx_state = 'LOCK WAIT' AND p.DB = DATABASE()";

    private LockWaits() {
    }

    /** Returns once {@code count} transactions on this test's database wait for a row lock. */
    public static void awaitWaiting(Transactions transactions, JdbcOperations jdbc, int count) {
        long deadline = System.nanoTime() + AT_MOST.toNanos();
        long waiting;
        while ((waiting = waiting(transactions, jdbc)) < count && System.nanoTime() < deadline) {
            pause(REFRESHED);
        }
        assertThat(waiting).as("transactions waiting for a row lock").isEqualTo(count);
    }

    private static void pause(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        for (long left = duration.toNanos(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private static long waiting(Transactions transactions, JdbcOperations jdbc) {
        return transactions.inTransaction(() -> JdbcRows.count(jdbc, WAITING));
    }
}
