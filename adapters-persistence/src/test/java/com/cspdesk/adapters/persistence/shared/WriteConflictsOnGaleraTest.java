package com.cspdesk.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cspdesk.adapters.persistence.testing.ThrowawayGalera;
import com.cspdesk.application.metrics.port.out.BusinessMetrics;
import com.cspdesk.application.metrics.port.out.BusinessMetrics.ConflictOutcome;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product's units of work on node 1 of a real 2-node Galera cluster, another writer on node 2:
 * a unit that loses certification to node 2's write is rolled back and run again (only its
 * committed try's after-commit actions run, and the retry is counted); a nested unit never retries
 * by itself. One cluster for the class (its start is the slow part). Node 2's writer is plain JDBC
 * on purpose: two Micronaut contexts on one thread would share the propagated transaction state.
 */
class WriteConflictsOnGaleraTest {

    private static ThrowawayGalera cluster;
    private static ApplicationContext onNode1;
    private static final CountingMetrics METRICS = new CountingMetrics();

    @BeforeAll
    static void startClusterAndProduct() throws SQLException {
        cluster = ThrowawayGalera.start(2);
        onNode1 = context(cluster.node(1));
        try (Connection connection = cluster.node(1).connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE conflict_probe (id INT PRIMARY KEY, amount INT NOT NULL)");
        }
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {onNode1, cluster}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // keep stopping the rest
            }
        }
    }

    @Test
    void aUnitThatLosesCertificationIsRunAgainAndItsAfterCommitActionRunsOnce() {
        onNode1("INSERT INTO conflict_probe VALUES (1, 0)");
        Transactions transactions = onNode1.getBean(Transactions.class);
        AtomicInteger tries = new AtomicInteger();
        List<Integer> afterCommits = new CopyOnWriteArrayList<>();
        int retriedBefore = METRICS.count(ConflictOutcome.RETRIED);

        int seen = transactions.inTransaction(() -> {
            int attempt = tries.incrementAndGet();
            JdbcOperations jdbc = onNode1.getBean(JdbcOperations.class);
            int amount = jdbc.prepareStatement("SELECT amount FROM conflict_probe WHERE id = 1 FOR UPDATE", ps -> {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            jdbc.prepareStatement("UPDATE conflict_probe SET amount = amount + 1 WHERE id = 1", ps -> ps.executeUpdate());
            if (attempt == 1) {
                // Node 2 writes the same row and commits while this try still holds its (node-local) lock:
                // this try's COMMIT then fails certification.
                onNode2("UPDATE conflict_probe SET amount = amount + 10 WHERE id = 1");
            }
            transactions.afterCommit(() -> afterCommits.add(attempt));
            return amount;
        });

        assertThat(tries.get()).isEqualTo(2);
        assertThat(seen).as("the second try read node 2's committed write").isEqualTo(10);
        assertThat(afterCommits).containsExactly(2);
        assertThat(readAmount(1)).isEqualTo(11);
        assertThat(METRICS.count(ConflictOutcome.RETRIED) - retriedBefore).isEqualTo(1);
    }

    @Test
    void aNestedUnitLeavesTheRetryToTheOutermost() {
        onNode1("INSERT INTO conflict_probe VALUES (2, 0)");
        Transactions transactions = onNode1.getBean(Transactions.class);
        AtomicInteger outerTries = new AtomicInteger();
        AtomicInteger innerTries = new AtomicInteger();

        transactions.inTransaction(() -> {
            int attempt = outerTries.incrementAndGet();
            return transactions.inTransaction(() -> {
                innerTries.incrementAndGet();
                onNode1.getBean(JdbcOperations.class).prepareStatement(
                        "UPDATE conflict_probe SET amount = amount + 1 WHERE id = 2", ps -> ps.executeUpdate());
                if (attempt == 1) {
                    onNode2("UPDATE conflict_probe SET amount = amount + 10 WHERE id = 2");
                }
                return null;
            });
        });

        assertThat(outerTries.get()).isEqualTo(2);
        assertThat(innerTries.get()).as("the inner unit ran once per outer try, never on its own").isEqualTo(2);
        assertThat(readAmount(2)).isEqualTo(11);
    }

    @Test
    void aUnitThatKeepsLosingGivesUpAfterItsTriesAndSaysSo() {
        onNode1("INSERT INTO conflict_probe VALUES (3, 0)");
        Transactions transactions = onNode1.getBean(Transactions.class);
        AtomicInteger tries = new AtomicInteger();
        int gaveUpBefore = METRICS.count(ConflictOutcome.GAVE_UP);

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            tries.incrementAndGet();
            onNode1.getBean(JdbcOperations.class).prepareStatement(
                    "UPDATE conflict_probe SET amount = amount + 1 WHERE id = 3", ps -> ps.executeUpdate());
            onNode2("UPDATE conflict_probe SET amount = amount + 10 WHERE id = 3");
            return null;
        })).satisfies(e -> assertThat(WriteConflictRetry.isWriteConflict(e)).isTrue());

        assertThat(tries.get()).isEqualTo(5);
        assertThat(readAmount(3)).as("only node 2's writes committed").isEqualTo(50);
        assertThat(METRICS.count(ConflictOutcome.GAVE_UP) - gaveUpBefore).isEqualTo(1);
    }

    private static ApplicationContext context(ThrowawayGalera.Node node) {
        Map<String, Object> properties = new HashMap<>(node.properties());
        properties.put("flyway.datasources.default.enabled", "true");
        properties.put("cspdesk.sandbox.enabled", "true");
        return ApplicationContext.builder().properties(properties).singletons(METRICS).start();
    }

    /** A statement on node 1 in its own connection (autocommit), outside the product's units of work. */
    private static void onNode1(String sql) {
        try (Connection connection = cluster.node(1).connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A statement on node 2 in its own connection (autocommit): committed when this returns. */
    private static void onNode2(String sql) {
        try (Connection connection = cluster.node(2).connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION wsrep_sync_wait = 1"); // start from every write committed before
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int readAmount(int id) {
        try (Connection connection = cluster.node(2).connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION wsrep_sync_wait = 1"); // see every write the cluster committed before
            try (ResultSet rs = statement.executeQuery("SELECT amount FROM conflict_probe WHERE id = " + id)) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The conflicts counted through the metrics port, as the Micrometer adapter would count them. */
    static final class CountingMetrics implements BusinessMetrics {
        private final Map<ConflictOutcome, AtomicInteger> conflicts = new EnumMap<>(ConflictOutcome.class);

        CountingMetrics() {
            for (ConflictOutcome outcome : ConflictOutcome.values()) {
                conflicts.put(outcome, new AtomicInteger());
            }
        }

        @Override
        public void databaseConflict(ConflictOutcome outcome) {
            conflicts.get(outcome).incrementAndGet();
        }

        @Override
        public void orderPlaced() {
        }

        @Override
        public void orderCancelled(int lines) {
        }

        @Override
        public void creditNoteIssued() {
        }

        @Override
        public void productKeyFetched() {
        }

        @Override
        public void downloadSent(boolean range, long bytes) {
        }

        @Override
        public void signInFailed(SignInFailure reason) {
        }

        @Override
        public void signInLockedOut(LockOut scope) {
        }

        @Override
        public Stopwatch invoiceRunStarted() {
            return outcome -> { };
        }

        @Override
        public void webhookAttempted(WebhookAttempt outcome, Duration latency) {
        }

        int count(ConflictOutcome outcome) {
            return conflicts.get(outcome).get();
        }
    }
}
