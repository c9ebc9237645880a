package com.cspdesk.adapters.persistence.schema;

import com.cspdesk.adapters.persistence.testing.ThrowawayGalera;
import io.micronaut.context.ApplicationContext;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the product started at the same moment on an empty database of a real 2-node Galera
 * cluster, one through each node, as {@code bench/run-cluster} starts three: both start, every migration is
 * applied once, and both nodes hold the same history. And the race made certain, with the lease and without:
 * Flyway's own lock is node-local, so without it both run the same migration and one of them fails.
 */
class MigrationsOnGaleraTest {

    @Test
    void twoInstancesStartedAtOnceThroughTwoNodesMigrateOnce() throws Exception {
        ThrowawayGalera cluster = ThrowawayGalera.shared();
        String database = emptyDatabase(cluster, "migration_race");

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService starters = Executors.newFixedThreadPool(2);
        List<Future<ApplicationContext>> started = new ArrayList<>();
        try {
            for (int node = 1; node <= 2; node++) {
                ThrowawayGalera.Node through = cluster.node(node);
                started.add(starters.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    ApplicationContext context = ApplicationContext.run(properties(through, database));
                    context.getBean(DataSource.class); // made at start, with its Flyway run; here in case it was lazy
                    return context;
                }));
            }
            for (Future<ApplicationContext> instance : started) {
                instance.get(5, TimeUnit.MINUTES).close(); // throws if that instance's start (its migration) failed
            }
        } finally {
            starters.shutdownNow();
        }

        List<String> onNode1 = history(cluster.node(1), database);
        assertThat(onNode1).as("the same history on both nodes").isEqualTo(history(cluster.node(2), database));
        assertThat(onNode1).as("each migration once").doesNotHaveDuplicates().allSatisfy(row -> assertThat(row).endsWith(" ok"));
        MigrationInfo[] all = Flyway.configure().dataSource(cluster.node(2).jdbcUrl(database), cluster.username(),
                cluster.password()).locations("classpath:db/migration").load().info().all();
        assertThat(all).as("every migration of the release applied").isNotEmpty()
                .allSatisfy(migration -> assertThat(migration.getState()).isEqualTo(MigrationState.SUCCESS));
        assertThat(onNode1).hasSameSizeAs(all);
        try (Connection connection = connect(cluster.node(2), database); Statement statement = connection.createStatement();
             ResultSet lease = statement.executeQuery("SELECT holder FROM " + MigrationLease.TABLE)) {
            assertThat(lease.next()).isTrue();
            assertThat(lease.getString(1)).as("the lease released").isNull();
        }
    }

    /**
     * The same race made certain: both runs wait for each other just before they take the lease (a callback
     * sorted before it), so both find every migration pending; with the lease one waits, without it both run
     * V1 and one of them fails, as instances did by hand (docs/scale-out.md).
     */
    @Test
    void runsThatReachTheLeaseAtTheSameMomentMigrateOnceAndWithoutItTheSchemaBreaks() throws Exception {
        ThrowawayGalera cluster = ThrowawayGalera.shared();
        String guarded = emptyDatabase(cluster, "migration_race_guarded");
        assertThat(raceThroughBothNodes(cluster, guarded, true)).as("failed runs with the lease").isZero();
        assertThat(history(cluster.node(1), guarded)).isEqualTo(history(cluster.node(2), guarded))
                .doesNotHaveDuplicates().allSatisfy(row -> assertThat(row).endsWith(" ok"));

        String unguarded = emptyDatabase(cluster, "migration_race_unguarded");
        // Which statement the loser fails on varies (a table that exists, its history row's certification), so
        // whether the history keeps a failed row does too; that a run fails does not.
        assertThat(raceThroughBothNodes(cluster, unguarded, false)).as("failed runs without it").isPositive();
    }

    /** Two Flyway runs of the release's migrations, one through each node, met at BEFORE_MIGRATE; how many failed. */
    private static int raceThroughBothNodes(ThrowawayGalera cluster, String database, boolean withLease) throws Exception {
        CyclicBarrier atBeforeMigrate = new CyclicBarrier(2);
        ExecutorService runs = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> finished = new ArrayList<>();
            for (int node = 1; node <= 2; node++) {
                FluentConfiguration configuration = Flyway.configure().dataSource(cluster.node(node).jdbcUrl(database)
                        + "&sessionVariables=wsrep_sync_wait=7", cluster.username(), cluster.password())
                        .locations("classpath:db/migration");
                if (withLease) {
                    new OneInstanceMigrates().customizeFluentConfiguration(configuration);
                }
                List<Callback> callbacks = new ArrayList<>(List.of(configuration.getCallbacks()));
                callbacks.add(new MeetAtBeforeMigrate(atBeforeMigrate));
                Flyway flyway = configuration.callbacks(callbacks.toArray(Callback[]::new)).load();
                finished.add(runs.submit(flyway::migrate));
            }
            int failed = 0;
            for (Future<?> run : finished) {
                try {
                    run.get(5, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    failed++;
                }
            }
            return failed;
        } finally {
            runs.shutdownNow();
        }
    }

    /** Holds each run at BEFORE_MIGRATE until the other is there too; Flyway runs callbacks sorted by name. */
    private record MeetAtBeforeMigrate(CyclicBarrier barrier) implements Callback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_MIGRATE;
        }

        @Override
        public boolean canHandleInTransaction(Event event, Context context) {
            return false;
        }

        @Override
        public void handle(Event event, Context context) {
            try {
                barrier.await(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("The other run did not reach BEFORE_MIGRATE", e);
            }
        }

        @Override
        public String getCallbackName() {
            return "a meeting point"; // before "migration lease"
        }
    }

    private static String emptyDatabase(ThrowawayGalera cluster, String database) throws SQLException {
        try (Connection connection = cluster.node(1).connect(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database); // a run before in this JVM, on the shared cluster
            statement.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return database;
    }

    /** The product on that node, configured as docs/scale-out.md says (causal reads in the URL). */
    private static Map<String, Object> properties(ThrowawayGalera.Node node, String database) {
        Map<String, Object> properties = new HashMap<>(node.properties(node.jdbcUrl(database)
                + "&sessionVariables=wsrep_sync_wait=7"));
        properties.put("flyway.datasources.default.enabled", "true");
        properties.put("cspdesk.sandbox.enabled", "true");
        return properties;
    }

    /** "version description ok|FAILED" per row of Flyway's history, in installed order, read on that node. */
    private static List<String> history(ThrowawayGalera.Node node, String database) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(node, database); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT version, description, success FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + (rs.getBoolean(3) ? " ok" : " FAILED"));
            }
        }
        return rows;
    }

    private static Connection connect(ThrowawayGalera.Node node, String database) throws SQLException {
        Connection connection = DriverManager.getConnection(node.jdbcUrl(database),
                ThrowawayGalera.shared().username(), ThrowawayGalera.shared().password());
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION wsrep_sync_wait = 1"); // see everything the cluster committed before
        }
        return connection;
    }
}
