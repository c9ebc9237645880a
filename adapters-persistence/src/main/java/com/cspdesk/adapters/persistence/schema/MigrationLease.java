package com.cspdesk.adapters.persistence.schema;

import com.cspdesk.adapters.persistence.shared.DuplicateKeys;
import com.cspdesk.adapters.persistence.shared.WriteConflicts;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One instance migrates at a time, cluster-wide (docs/scale-out.md, "Migrations on a cluster"). Flyway's own
 * lock is node-local on Galera (on MySQL a {@code GET_LOCK}, with {@code wsrep_on} a {@code SELECT … FOR UPDATE}
 * of its history table), so instances starting at once through different nodes ran the same migration twice.
 * This lease is a row, and taking it is a write: Galera certifies the writes of one row cluster-wide, so of two
 * nodes taking it at once one commits and the other gets 1213 and waits like any waiter (on one server the
 * row lock decides).
 *
 * <p>Taken on {@link Event#BEFORE_MIGRATE}: Flyway has created its history table by then (its creation retries
 * when another node made it first), so this table never makes a schema "non-empty without history", and Flyway
 * reads the applied migrations again before each one, so a waiter that gets the lease applies only what the
 * holder left. Renewed while migrating; released after it, also after a failed one. A holder that died is
 * overtaken once its lease expired.
 */
final class MigrationLease implements Callback {

    static final String TABLE = "migration_lease";
    static final Duration TERM = Duration.ofSeconds(60);
    private static final Duration RENEW_EVERY = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final String NAME = "flyway";
    private static final Logger LOG = LoggerFactory.getLogger(MigrationLease.class);

    private final Clock clock;
    private volatile Held held;

    /** Lease times are compared across instances: {@code clock} must be wall time the instances agree on. */
    MigrationLease(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE || event == Event.AFTER_MIGRATE_ERROR;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return false; // its statements commit one by one on connections of its own
    }

    @Override
    public void handle(Event event, Context context) {
        // Flyway's event connection, beside the one Flyway migrates on: a pool of two is enough.
        if (event == Event.BEFORE_MIGRATE) {
            take(context.getConnection(), context.getConfiguration().getDataSource());
        } else {
            release(context.getConnection());
        }
    }

    @Override
    public String getCallbackName() {
        return "migration lease";
    }

    /**
     * Takes the lease on {@code connection}, waiting while another live holder has it; then renews it on
     * connections of {@code dataSource} until {@link #release(Connection)}.
     */
    void take(Connection connection, DataSource dataSource) {
        String me = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        try {
            connection.setAutoCommit(true); // every read fresh, every write certified when it returns
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (name VARCHAR(40) NOT NULL PRIMARY KEY,"
                        + " holder VARCHAR(200), taken_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)");
            }
            try (CausalReads ignored = CausalReads.on(connection)) {
                awaitAndTake(connection, me);
            }
        } catch (SQLException e) {
            throw new FlywayException("Could not take the migration lease: " + e.getMessage(), e);
        }
        ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "migration-lease");
            thread.setDaemon(true); // a process that dies mid-migration leaves the lease to expire
            return thread;
        });
        held = new Held(dataSource, me, renewer);
        renewer.scheduleWithFixedDelay(this::renew, RENEW_EVERY.toMillis(), RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void awaitAndTake(Connection connection, String me) throws SQLException {
        String waitingFor = null;
        while (true) {
            Instant now = clock.instant();
            Optional<Row> row = read(connection);
            if (row.isPresent() && row.get().heldAt(now)) {
                if (!row.get().holder().equals(waitingFor)) {
                    waitingFor = row.get().holder();
                    LOG.info("Migrations: waiting for instance {}, migrating since {}", waitingFor,
                            Instant.ofEpochMilli(row.get().takenAt()));
                }
            } else if (claim(connection, row.isPresent(), me, now)) {
                row.filter(r -> r.holder() != null).ifPresent(r -> LOG.warn(
                        "Migrations: instance {} held the lease until {} and did not release it; taking over",
                        r.holder(), Instant.ofEpochMilli(r.expiresAt())));
                return;
            }
            sleep();
        }
    }

    /** Writes this instance in as holder if the lease is free or expired; false if another was first. */
    private boolean claim(Connection connection, boolean rowExists, String me, Instant now) throws SQLException {
        String sql = rowExists
                ? "UPDATE " + TABLE + " SET holder = ?, taken_at = ?, expires_at = ? WHERE name = ?"
                + " AND (holder IS NULL OR expires_at <= ?)"
                : "INSERT INTO " + TABLE + " (holder, taken_at, expires_at, name) VALUES (?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, me);
            statement.setLong(2, now.toEpochMilli());
            statement.setLong(3, now.plus(TERM).toEpochMilli());
            statement.setString(4, NAME);
            if (rowExists) {
                statement.setLong(5, now.toEpochMilli());
            }
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            // Another instance inserted the row first (duplicate key) or its take was certified first (1213).
            if (DuplicateKeys.isDuplicateKey(e) || WriteConflicts.isWriteConflict(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Moves the expiry on; runs every few seconds on its own connection while Flyway migrates. */
    void renew() {
        Held lease = held;
        if (lease == null) {
            return;
        }
        try (Connection connection = lease.dataSource().getConnection()) {
            connection.setAutoCommit(true);
            if (update(connection, "UPDATE " + TABLE + " SET expires_at = ? WHERE name = ? AND holder = ?",
                    clock.instant().plus(TERM).toEpochMilli(), lease.holder()) == 0) {
                LOG.warn("Migrations: the lease of this instance ({}) was taken over while it migrated", lease.holder());
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Migrations: could not renew the lease ({}); trying again in {} s", e.getMessage(), RENEW_EVERY.toSeconds());
        }
    }

    /** Frees the lease for the next instance; if that fails, it expires. Never fails Flyway's run itself. */
    void release(Connection connection) {
        Held lease = held;
        held = null;
        if (lease == null) {
            return;
        }
        lease.renewer().shutdownNow();
        try {
            connection.setAutoCommit(true);
            update(connection, "UPDATE " + TABLE + " SET holder = NULL, expires_at = ? WHERE name = ? AND holder = ?",
                    clock.instant().toEpochMilli(), lease.holder());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Migrations: could not release the lease ({}); it expires within {} s", e.getMessage(), TERM.toSeconds());
        }
    }

    private static int update(Connection connection, String sql, long millis, String holder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, millis);
            statement.setString(2, NAME);
            statement.setString(3, holder);
            return statement.executeUpdate();
        }
    }

    private static Optional<Row> read(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT holder, taken_at, expires_at FROM " + TABLE + " WHERE name = ?")) {
            statement.setString(1, NAME);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(new Row(rs.getString(1), rs.getLong(2), rs.getLong(3))) : Optional.empty();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlywayException("Interrupted while waiting for the migration lease", e);
        }
    }

    /** The lease row: {@code holder} is null once released. Times in epoch milliseconds (no zone to differ). */
    private record Row(String holder, long takenAt, long expiresAt) {
        boolean heldAt(Instant now) {
            return holder != null && expiresAt > now.toEpochMilli();
        }
    }

    private record Held(DataSource dataSource, String holder, ScheduledExecutorService renewer) {
    }

    /**
     * On Galera, reads that first wait until this node has applied every write the cluster committed before
     * ({@code wsrep_sync_wait} bit 1): a waiter sees the release, and the holder's history rows committed
     * before it, as soon as they are committed. The connection goes back to the pool afterwards, so its own
     * setting (the product's URL may set 7) is put back.
     */
    private record CausalReads(Connection connection, Optional<Long> before) implements AutoCloseable {

        static CausalReads on(Connection connection) throws SQLException {
            Optional<Long> before = Optional.empty();
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SHOW VARIABLES LIKE 'wsrep_on'")) {
                    if (rs.next() && "ON".equalsIgnoreCase(rs.getString(2))) {
                        before = Optional.of(syncWait(connection));
                        set(connection, before.get() | 1);
                    }
                }
            }
            return new CausalReads(connection, before);
        }

        @Override
        public void close() throws SQLException {
            if (before.isPresent()) {
                set(connection, before.get());
            }
        }

        private static long syncWait(Connection connection) throws SQLException {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT @@SESSION.wsrep_sync_wait")) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private static void set(Connection connection, long value) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET SESSION wsrep_sync_wait = " + value);
            }
        }
    }
}
