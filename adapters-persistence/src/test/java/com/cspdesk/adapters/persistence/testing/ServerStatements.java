package com.cspdesk.adapters.persistence.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * Counts the statements the throwaway server runs for a piece of work, with the server's own
 * counter ({@code SHOW GLOBAL STATUS 'Questions'}), less what the counting itself adds. The counter
 * is global: other connections (a pool filling up in the background, a scheduled job) add to it, so
 * a count waits for a quiet server first and a repeatable read takes the fewest of several tries.
 * Noise only ever adds statements, so the fewest is the work's own.
 */
public final class ServerStatements {

    private ServerStatements() {
    }

    /** Statements the server ran for one run of {@code work}, after the server has gone quiet. */
    public static long of(Supplier<?> work) {
        try (Connection counter = ThrowawayMariaDb.shared().connect()) {
            awaitQuiet(counter);
            long baseline = baseline(counter);
            long before = questions(counter);
            work.get();
            return questions(counter) - before - baseline;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fewest statements over {@code tries} runs of a repeatable {@code work}. */
    public static long fewestOf(int tries, Supplier<?> work) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < tries && fewest > 0; i++) {
            fewest = Math.min(fewest, of(work));
        }
        return fewest;
    }

    /** Waits (at most 10 s) for 200 ms in which nobody but the counter asked the server anything. */
    private static void awaitQuiet(Connection counter) throws SQLException {
        long baseline = baseline(counter);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            long before = questions(counter);
            sleep(200);
            if (questions(counter) - before - baseline <= 0) {
                return;
            }
        }
    }

    /** What one counter query adds to the counter. */
    private static long baseline(Connection counter) throws SQLException {
        long first = questions(counter);
        return questions(counter) - first;
    }

    private static long questions(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
