package com.cspdesk.adapters.persistence.schema;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.cspdesk.adapters.persistence.testing.MovableClock;
import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The migration lease's rules on a real MariaDB, its time from a clock the test moves: taken when free,
 * waited for while another holds it (renewed past its first expiry), overtaken once a dead holder's lease
 * expired, released after a failed migration.
 */
class MigrationLeaseOnMariaDbTest {

    private static final Instant START = Instant.parse("2026-12-05T21:00:00Z");

    private final MovableClock clock = new MovableClock(START);
    private final Logger log = (Logger) LoggerFactory.getLogger(MigrationLease.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private String url;
    private HikariDataSource dataSource;

    @BeforeEach
    void newDatabase() {
        url = ThrowawayMariaDb.shared().newDatabase("migration_lease");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(ThrowawayMariaDb.shared().username());
        config.setPassword(ThrowawayMariaDb.shared().password());
        config.setMaximumPoolSize(4);
        dataSource = new HikariDataSource(config);
        log.setLevel(Level.INFO); // the waiting line is INFO; the suite logs WARN and up
        logged.start();
        log.addAppender(logged);
    }

    @AfterEach
    void close() {
        log.detachAppender(logged);
        log.setLevel(null);
        dataSource.close();
    }

    @Test
    void aFreeLeaseIsTakenForATermAndReleased() throws SQLException {
        MigrationLease lease = new MigrationLease(clock);

        take(lease);
        assertThat(holder()).isNotNull().contains("@"); // pid@host/…, whom the others wait for
        assertThat(expiresAt()).isEqualTo(START.plus(MigrationLease.TERM));

        release(lease);
        assertThat(holder()).as("released").isNull();
        release(lease); // a second release (AFTER_MIGRATE after an error path) changes nothing
        assertThat(holder()).isNull();
    }

    @Test
    void anotherInstanceWaitsWhileARenewedLeaseIsHeldAndTakesItOnceReleased() throws Exception {
        MigrationLease first = new MigrationLease(clock);
        take(first);
        String firstHolder = holder();
        clock.advance(Duration.ofSeconds(50));
        first.renew();
        clock.advance(Duration.ofSeconds(20)); // past the first term: only the renewal keeps it held

        MigrationLease second = new MigrationLease(clock);
        CompletableFuture<Void> taking = CompletableFuture.runAsync(() -> take(second));
        awaitLogged("waiting for instance " + firstHolder);
        assertThat(taking).as("still waiting once it has seen the holder").isNotDone();
        assertThat(holder()).isEqualTo(firstHolder);

        release(first);
        taking.get(30, TimeUnit.SECONDS);
        assertThat(holder()).isNotNull().isNotEqualTo(firstHolder);
        assertThat(logged.list).filteredOn(e -> e.getFormattedMessage().contains("waiting for instance")).hasSize(1);
        release(second);
    }

    @Test
    void aHolderThatDiedIsOvertakenOnceItsLeaseExpired() throws Exception {
        MigrationLease first = new MigrationLease(clock);
        take(first); // makes the table
        release(first);
        // What a holder that died leaves behind: its row, never released, no longer renewed.
        execute("UPDATE " + MigrationLease.TABLE + " SET holder = 'dead@host/0', expires_at = "
                + START.plus(MigrationLease.TERM).toEpochMilli());
        clock.advance(MigrationLease.TERM);

        MigrationLease next = new MigrationLease(clock);
        take(next);
        assertThat(holder()).isNotEqualTo("dead@host/0");
        assertThat(expiresAt()).isEqualTo(START.plus(MigrationLease.TERM).plus(MigrationLease.TERM));
        assertThat(logged.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("instance dead@host/0 held the lease until", "taking over"));
        release(next);
    }

    @Test
    void aFailedMigrationReleasesTheLease() throws SQLException {
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/failing-migration")
                .callbacks(new MigrationLease(clock)).load();

        assertThatThrownBy(flyway::migrate).isInstanceOf(FlywayException.class).hasMessageContaining("no_such_table");
        assertThat(holder()).as("released by AFTER_MIGRATE_ERROR").isNull();
        assertThat(expiresAt()).isEqualTo(START);
    }

    /** Takes the lease on a connection of its own, as Flyway's event connection is. */
    private void take(MigrationLease lease) {
        try (Connection connection = dataSource.getConnection()) {
            lease.take(connection, dataSource);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void release(MigrationLease lease) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            lease.release(connection);
        }
    }

    private void awaitLogged(String text) throws InterruptedException {
        for (int i = 0; i < 300 && logged.list.stream().noneMatch(e -> e.getFormattedMessage().contains(text)); i++) {
            Thread.sleep(100);
        }
        assertThat(logged.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains(text));
    }

    private String holder() throws SQLException {
        return leaseColumn("holder");
    }

    private Instant expiresAt() throws SQLException {
        return Instant.ofEpochMilli(Long.parseLong(leaseColumn("expires_at")));
    }

    /** A column of the one lease row, read on a connection of its own. */
    private String leaseColumn(String column) throws SQLException {
        try (Connection connection = ThrowawayMariaDb.shared().connect(url); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT " + column + " FROM " + MigrationLease.TABLE)) {
            assertThat(rs.next()).as("one lease row").isTrue();
            return rs.getString(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = ThrowawayMariaDb.shared().connect(url); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
