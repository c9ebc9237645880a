package com.cspdesk.adapters.persistence.testing;

import com.cspdesk.adapters.persistence.shared.JdbcRows;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Counts the statements the server runs for a piece of work on the test's own database session.
 * The test's context holds exactly one pooled connection ({@link #ONE_CONNECTION}), so the work and
 * the counter share one session, and that session's own counter ({@code Questions}) sees nothing
 * else: no other connection, pool housekeeping or job can add to it, so one run gives the work's
 * own count. What a reading itself adds is measured the same way and taken off.
 */
public final class SessionStatements {

    /**
     * Test properties: the pool has one connection, always the same. The pool checks a connection
     * idle for more than 500 ms before lending it, by default with a {@code SELECT} the counter
     * would see, depending on timing, not on the work; Connector/J answers {@code /* ping *}{@code /}
     * queries with a protocol ping instead, which the server does not count as a statement.
     */
    public static final Map<String, String> ONE_CONNECTION = Map.of(
            "datasources.default.maximum-pool-size", "1",
            "datasources.default.minimum-idle", "1",
            "datasources.default.connection-test-query", "/* ping */ SELECT 1");

    private final Transactions transactions;
    private final JdbcOperations jdbc;

    public SessionStatements(Transactions transactions, JdbcOperations jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** Statements the server ran on the session for one run of {@code work}. */
    public long of(Supplier<?> work) {
        long first = questions();
        long second = questions();
        long reading = second - first;
        work.get();
        return questions() - second - reading;
    }

    private long questions() {
        return transactions.inTransaction(() -> JdbcRows.one(jdbc, "SHOW SESSION STATUS LIKE 'Questions'",
                row -> row.getLong(2))).orElseThrow();
    }
}
