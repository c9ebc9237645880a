package com.cspdesk.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cspdesk.adapters.persistence.testing.ThrowawayGalera;
import com.cspdesk.contracts.NoBusinessMetrics;
import com.cspdesk.application.metrics.port.out.BusinessMetrics.ConflictOutcome;
import com.cspdesk.application.idempotency.port.in.IdempotentRequest;
import com.cspdesk.application.idempotency.port.out.IdempotencyRecords;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.cancellation.OrderCancelling;
import com.cspdesk.application.cancellation.port.in.CancelOrder;
import com.cspdesk.application.cancellation.port.in.CancelOrder.CancelCommand;
import com.cspdesk.application.cancellation.port.in.CancelOrder.CancelResult;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.cancellation.port.out.SoftwareRevocations;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.cancellation.Acknowledgement;
import com.cspdesk.domain.cancellation.CancellationPolicy;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.money.UsdEquivalents;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.contracts.CancellationFixtures;
import com.cspdesk.domain.catalog.ProductKind;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product's units of work on node 1 of a real 2-node Galera cluster, another writer on node 2:
 * a unit that loses certification to node 2's write is rolled back and run again (only its
 * committed try's after-commit actions run, and the retry is counted); a nested unit never retries
 * by itself. The JVM's shared cluster (its start is the slow part). Node 2's writer is plain JDBC, or
 * the product on node 2 in a thread of its own: two Micronaut contexts on one thread would share the
 * propagated transaction state.
 */
class WriteConflictsOnGaleraTest {

    private static final String DATABASE = "write_conflicts";
    private static ThrowawayGalera cluster;
    private static ApplicationContext onNode1;
    private static ApplicationContext onNode2;
    private static final CountingMetrics METRICS = new CountingMetrics();

    @BeforeAll
    static void startClusterAndProduct() throws SQLException {
        cluster = ThrowawayGalera.shared();
        try (Connection connection = cluster.node(1).connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE); // a run before in this JVM, on the shared cluster
            statement.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        onNode1 = context(cluster.node(1), true); // migrates; the schema reaches node 2 by replication
        onNode2 = context(cluster.node(2), false);
        onNode1("CREATE TABLE conflict_probe (id INT PRIMARY KEY, amount INT NOT NULL)"); // after Flyway: it wants an empty schema
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {onNode1, onNode2}) {
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
        })).satisfies(e -> {
            assertThat(WriteConflicts.isWriteConflict(e)).isTrue();
            // What the web adapter answers 503 + Retry-After for (adapters-web ServerErrorsTest): the driver's
            // conflict is an SQLTransientException (SQLTransactionRollbackException), under Micronaut's wrapper.
            assertThat(Causes.any(e, t -> t instanceof SQLTransientException)).as("a transient SQL error in %s", e).isTrue();
        });

        assertThat(tries.get()).isEqualTo(5);
        assertThat(readAmount(3)).as("only node 2's writes committed").isEqualTo(50);
        assertThat(METRICS.count(ConflictOutcome.GAVE_UP) - gaveUpBefore).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyClaimedOnBothNodesAtOnceIsClaimedOnce() {
        Transactions transactions = onNode1.getBean(Transactions.class);
        IdempotencyRecords records = onNode1.getBean(IdempotencyRecords.class);
        IdempotentRequest request = new IdempotentRequest("orders:galera", "key-1", "fingerprint-1");
        Instant at = Instant.parse("2026-12-05T01:00:00Z");
        AtomicInteger tries = new AtomicInteger();

        boolean claimedOnNode1 = transactions.inTransaction(() -> {
            boolean claimed = records.claim(request, at);
            if (tries.incrementAndGet() == 1) {
                assertThat(claimed).as("node 1 sees no claim yet").isTrue();
                // Node 2 claims the same key and commits first: node 2 cannot see node 1's open claim.
                onNode2("INSERT INTO idempotency_record (scope, idem_key, fingerprint, created_at)"
                        + " VALUES ('orders:galera', 'key-1', 'fingerprint-1', '2026-12-05 01:00:00')");
            }
            return claimed;
        });

        assertThat(tries.get()).isEqualTo(2);
        assertThat(claimedOnNode1).as("the second try finds node 2's claim: the caller gets the stored answer").isFalse();
        assertThat(records.find(request.scope(), request.key())).isPresent();
    }

    @Test
    void cancellationsOfTwoOrdersOfOneCustomerOnTwoNodesConflictOnTheCustomer() throws Exception {
        String tenant = UUID.randomUUID().toString();
        onNode1.getBean(Customers.class).add(CancellationFixtures.customer(tenant));
        StoredOrder first = CancellationFixtures.order(tenant, 1, ProductKind.PERPETUAL_SOFTWARE);
        StoredOrder second = CancellationFixtures.order(tenant, 1, ProductKind.PERPETUAL_SOFTWARE);
        onNode1.getBean(Orders.class).add(first);
        onNode1.getBean(Orders.class).add(second);
        Transactions onNode1Transactions = onNode1.getBean(Transactions.class);
        Transactions onNode2Transactions = onNode2.getBean(Transactions.class);
        OrderCancellations cancellationsOnNode2 = onNode2.getBean(OrderCancellations.class);
        AtomicInteger tries = new AtomicInteger();
        ExecutorService node2Caller = Executors.newSingleThreadExecutor();
        try {
            onNode1Transactions.inTransaction(() -> {
                assertThat(onNode1.getBean(OrderCancellations.class).lockForCancellation(tenant, first.id())).isPresent();
                if (tries.incrementAndGet() == 1) {
                    // The other order of the same customer, on node 2, while this unit holds the customer:
                    // node 2 does not see that lock, but both write the customer row.
                    awaitOn(node2Caller.submit(() -> onNode2Transactions.inTransaction(
                            () -> cancellationsOnNode2.lockForCancellation(tenant, second.id()))));
                }
                return null;
            });
        } finally {
            node2Caller.shutdownNow();
        }
        assertThat(tries.get()).as("the refund allowance is read again after node 2's cancellation").isEqualTo(2);
    }

    @Test
    void theSameOrderCancelledOnBothNodesAtOnceIsCreditedOnceAndBothCallersAreAnsweredRightly() throws SQLException {
        String tenant = UUID.randomUUID().toString();
        onNode1.getBean(Customers.class).add(CancellationFixtures.customer(tenant));
        StoredOrder order = CancellationFixtures.order(tenant, 2, ProductKind.PERPETUAL_SOFTWARE);
        onNode1.getBean(Orders.class).add(order);
        CancelCommand command = new CancelCommand(CustomerRef.parse(tenant).orElseThrow(), order.id(),
                Acknowledgement.apiCall(Optional.empty()), List.of());
        Actor agent = Actor.partner("admin.agent@partner.demo", Role.ADMIN_AGENT);
        OrderCancelling onNode2Cancelling = cancelling(onNode2, onNode2.getBean(Credits.class));
        ExecutorService node2Caller = Executors.newSingleThreadExecutor();
        List<CancelResult> node2Answers = new CopyOnWriteArrayList<>();
        AtomicInteger node1Tries = new AtomicInteger();
        // Node 1's credits are issued, then (on its first try only) node 2 cancels the same order and commits
        // before node 1 does: node 2 cannot see node 1's locks on the order and its lines.
        Credits node1Credits = onNode1.getBean(Credits.class);
        Credits racing = (Credits) Proxy.newProxyInstance(Credits.class.getClassLoader(), new Class<?>[] {Credits.class},
                (proxy, method, arguments) -> {
                    Object result = invoke(method, node1Credits, arguments);
                    if (method.getName().equals("issue") && node1Tries.incrementAndGet() == 1) {
                        awaitOn(node2Caller.submit(() -> node2Answers.add(onNode2Cancelling.cancel(command, agent))));
                    }
                    return result;
                });
        int retriedBefore = METRICS.count(ConflictOutcome.RETRIED);
        CancelResult node1Answer;
        try {
            node1Answer = cancelling(onNode1, racing).cancel(command, agent);
        } finally {
            node2Caller.shutdownNow();
        }

        assertThat(node2Answers).singleElement().isInstanceOf(CancelOrder.Cancelled.class);
        assertThat(node1Tries.get()).as("node 1's first try lost certification; its second issued nothing").isEqualTo(1);
        assertThat(node1Answer).as("node 1 ran again and found the order cancelled")
                .isEqualTo(new CancelOrder.Refused("already_cancelled", Optional.empty(), false));
        assertThat(METRICS.count(ConflictOutcome.RETRIED) - retriedBefore).isEqualTo(1);
        try (Connection connection = cluster.node(1).connect(); Statement statement = connection.createStatement()) {
            statement.execute("USE " + DATABASE);
            statement.execute("SET SESSION wsrep_sync_wait = 1");
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM credit_note WHERE order_id = '" + order.id() + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("one credit note per cancelled line").isEqualTo(2);
            }
            assertChainsIntact(statement);
        }
    }

    /** Every activity chain is gapless and each record names the hash of the one before. */
    private static void assertChainsIntact(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery(
                "SELECT chain_key, chain_seq, previous_hash, hash FROM activity_record ORDER BY chain_key, chain_seq")) {
            String chain = null;
            long expectedSeq = 0;
            String previousHash = null;
            int records = 0;
            while (rs.next()) {
                records++;
                if (!rs.getString(1).equals(chain)) {
                    chain = rs.getString(1);
                    expectedSeq = 1;
                    previousHash = rs.getString(3);
                }
                assertThat(rs.getLong(2)).as("sequence in chain %s", chain).isEqualTo(expectedSeq);
                assertThat(rs.getString(3)).as("link in chain %s at %s", chain, expectedSeq).isEqualTo(previousHash);
                previousHash = rs.getString(4);
                expectedSeq++;
            }
            assertThat(records).isPositive();
        }
    }

    private static OrderCancelling cancelling(ApplicationContext on, Credits credits) {
        return new OrderCancelling(on.getBean(Customers.class), on.getBean(Orders.class), on.getBean(OrderCancellations.class),
                on.getBean(SoftwareRevocations.class), credits, on.getBean(ActivityLog.class), on.getBean(Transactions.class),
                CancellationPolicy.asInSpec(), UsdEquivalents.defaults(),
                Clock.fixed(CancellationFixtures.BOUGHT.plus(Duration.ofDays(1)), ZoneOffset.UTC));
    }

    private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void awaitOn(Future<?> node2Unit) {
        try {
            node2Unit.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Node 2's unit failed", e);
        }
    }

    private static ApplicationContext context(ThrowawayGalera.Node node, boolean migrate) {
        // Causal reads: a unit on one node sees what the other committed before it (docs/scale-out.md).
        Map<String, Object> properties = new HashMap<>(node.properties(node.jdbcUrl(DATABASE)
                + "&sessionVariables=wsrep_sync_wait=1"));
        properties.put("flyway.datasources.default.enabled", Boolean.toString(migrate));
        properties.put("cspdesk.sandbox.enabled", "true");
        return ApplicationContext.builder().properties(properties).singletons(METRICS).start();
    }

    /** A statement on node 1 in its own connection (autocommit), outside the product's units of work. */
    private static void onNode1(String sql) {
        try (Connection connection = cluster.node(1).connect(); Statement statement = connection.createStatement()) {
            statement.execute("USE " + DATABASE);
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A statement on node 2 in its own connection (autocommit): committed when this returns. */
    private static void onNode2(String sql) {
        try (Connection connection = cluster.node(2).connect(); Statement statement = connection.createStatement()) {
            statement.execute("USE " + DATABASE);
            statement.execute("SET SESSION wsrep_sync_wait = 1"); // start from every write committed before
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int readAmount(int id) {
        try (Connection connection = cluster.node(2).connect(); Statement statement = connection.createStatement()) {
            statement.execute("USE " + DATABASE);
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
    static final class CountingMetrics extends NoBusinessMetrics {
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

        int count(ConflictOutcome outcome) {
            return conflicts.get(outcome).get();
        }
    }
}
