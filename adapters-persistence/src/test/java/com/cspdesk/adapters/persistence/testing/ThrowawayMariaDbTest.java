package com.cspdesk.adapters.persistence.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves the throwaway MariaDB is a usable MySQL stand-in for Connector/J and Micronaut Data JDBC.
 *
 * <p>Micronaut Data JDBC 4.14 ({@code JdbcQueryStatement.setTimestamp}) binds an {@code Instant}
 * as {@code ps.setTimestamp(i, Timestamp.from(instant))} and reads it back with
 * {@code rs.getTimestamp(..)}, then converts to {@code Instant}; both that path and the plain
 * JDBC 4.2 {@code setObject(Instant)}/{@code getObject(Instant.class)} path are checked.
 */
class ThrowawayMariaDbTest {

    /** Microseconds that a server taken for MySQL 5.5 would silently drop. */
    private static final Instant SUB_SECOND = Instant.parse("2026-11-21T15:23:14.998600Z");

    private static ThrowawayMariaDb db;

    @BeforeAll
    static void startServer() {
        db = ThrowawayMariaDb.shared();
    }

    @Test
    void serverAnswersOnTheDatabaseItCreated() throws SQLException {
        try (Connection connection = db.connect();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT 1, DATABASE(), VERSION(), @@time_zone, @@character_set_server, @@collation_server,"
                             + " @@port, @@bind_address, @@log_bin, @@sql_mode, @@collation_connection,"
                             + " @@session.time_zone")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo(ThrowawayMariaDb.DATABASE);
            assertThat(rs.getString(3)).startsWith("5.7.19-").endsWith("-MariaDB")
                    .isEqualTo(db.announcedVersion());
            assertThat(rs.getString(4)).isEqualTo("+00:00");
            assertThat(rs.getString(5)).isEqualTo("utf8mb4");
            assertThat(rs.getString(6)).isEqualTo("utf8mb4_unicode_ci");
            assertThat(rs.getInt(7)).isEqualTo(db.port()).isNotEqualTo(3306);
            assertThat(rs.getString(8)).isEqualTo("127.0.0.1");
            assertThat(rs.getInt(9)).isZero();
            assertThat(rs.getString(10)).contains("ONLY_FULL_GROUP_BY", "STRICT_TRANS_TABLES");
            assertThat(rs.getString(11)).isEqualTo("utf8mb4_unicode_ci");
            assertThat(rs.getString(12)).isEqualTo("+00:00");
        }
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:mysql://127.0.0.1:" + db.port() + "/cspdesk?"
                + ThrowawayMariaDb.JDBC_URL_OPTIONS);
        assertThat(db.instanceDirectory()).startsWith(Path.of("target").toAbsolutePath());
        assertThat(db.startupTime()).isPositive();
    }

    @Test
    void subSecondInstantSurvivesTheMicronautDataPathThroughTimestamp() throws SQLException {
        try (Connection connection = db.connect()) {
            createTable(connection, "instant_via_timestamp");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO instant_via_timestamp (id, at) VALUES (?, ?)")) {
                insert.setLong(1, 1);
                insert.setTimestamp(2, Timestamp.from(SUB_SECOND));
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT at FROM instant_via_timestamp WHERE id = ?")) {
                select.setLong(1, 1);
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getTimestamp(1).toInstant()).isEqualTo(SUB_SECOND);
                }
            }
            assertStoredAsUtcWallClock(connection, "instant_via_timestamp");
        }
    }

    /**
     * Connector/J 9.4 binds {@code setObject(Instant)} but cannot read {@code getObject(col, Instant.class)}
     * ("Conversion not supported for type java.time.Instant"); read {@code OffsetDateTime} (or
     * {@code Timestamp}) and convert.
     */
    @Test
    void subSecondInstantSurvivesSetObjectAndGetObject() throws SQLException {
        try (Connection connection = db.connect()) {
            createTable(connection, "instant_via_object");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO instant_via_object (id, at) VALUES (?, ?)")) {
                insert.setLong(1, 1);
                insert.setObject(2, SUB_SECOND);
                insert.executeUpdate();
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT at FROM instant_via_object WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1, OffsetDateTime.class).toInstant()).isEqualTo(SUB_SECOND);
                assertThat(rs.getObject(1, OffsetDateTime.class).getOffset()).isEqualTo(ZoneOffset.UTC);
                assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(LocalDateTime.ofInstant(SUB_SECOND,
                        ZoneOffset.UTC));
                assertThatThrownBy(() -> rs.getObject(1, Instant.class))
                        .as("Connector/J learnt getObject(Instant.class): simplify the read above")
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("java.time.Instant");
            }
            assertStoredAsUtcWallClock(connection, "instant_via_object");
        }
    }

    @Test
    void instantsDoNotDependOnTheJvmTimeZone() throws SQLException {
        TimeZone original = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/Sao_Paulo"));
        try (Connection connection = db.connect()) {
            createTable(connection, "instant_other_jvm_zone");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO instant_other_jvm_zone (id, at) VALUES (?, ?), (?, ?)")) {
                insert.setLong(1, 1);
                insert.setTimestamp(2, Timestamp.from(SUB_SECOND));
                insert.setLong(3, 2);
                insert.setObject(4, SUB_SECOND);
                insert.executeUpdate();
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT at FROM instant_other_jvm_zone ORDER BY id")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getTimestamp(1).toInstant()).isEqualTo(SUB_SECOND);
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1, OffsetDateTime.class).toInstant()).isEqualTo(SUB_SECOND);
            }
            assertStoredAsUtcWallClock(connection, "instant_other_jvm_zone");
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void isolationLevelsCanBeSetAndReachTheServer() throws SQLException {
        try (Connection connection = db.connect()) {
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            assertThat(sessionIsolation(connection)).isEqualTo("READ-COMMITTED");
            assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);

            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            assertThat(sessionIsolation(connection)).isEqualTo("REPEATABLE-READ");
            assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);

            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery("SELECT 1").close();
            }
            connection.commit();
        }
    }

    @Test
    void batchedInsertsAreRewrittenAndStillInsertEveryRow() throws SQLException {
        try (Connection connection = db.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE batch_rows (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                        + " name VARCHAR(50) NOT NULL) ENGINE=InnoDB");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO batch_rows (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < 5; i++) {
                    insert.setString(1, "row " + i);
                    insert.addBatch();
                }
                insert.executeBatch();
                int keys = 0;
                try (ResultSet generated = insert.getGeneratedKeys()) {
                    while (generated.next()) {
                        keys++;
                    }
                }
                assertThat(keys).isEqualTo(5);
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM batch_rows")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(5);
            }
        }
    }

    @Test
    void newDatabaseIsEmptyAndSeparate() throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS only_in_default (id INT PRIMARY KEY)");
        }
        String first = db.newDatabase("isolated");
        String second = db.newDatabase("isolated");
        assertThat(first).isNotEqualTo(second).startsWith("jdbc:mysql://127.0.0.1:" + db.port() + "/isolated_")
                .endsWith("?" + ThrowawayMariaDb.JDBC_URL_OPTIONS);

        try (Connection connection = db.connect(first); Statement statement = connection.createStatement()) {
            String name;
            try (ResultSet rs = statement.executeQuery("SELECT DATABASE(), @@character_set_database,"
                    + " @@collation_database")) {
                rs.next();
                name = rs.getString(1);
                assertThat(rs.getString(2)).isEqualTo("utf8mb4");
                assertThat(rs.getString(3)).isEqualTo("utf8mb4_unicode_ci");
            }
            assertThat(name).startsWith("isolated_");
            try (ResultSet rs = statement.executeQuery(
                    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            statement.execute("CREATE TABLE only_in_first (id INT PRIMARY KEY)");
        }
        try (Connection connection = db.connect(second); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        assertThatThrownBy(() -> db.newDatabase("bad-name; DROP")).isInstanceOf(IllegalArgumentException.class);
        String longName = db.newDatabase("AVeryLongTestClassNameThatGoesOnAndOnForeverAndEverTest");
        assertThat(longName).contains("/averylongtestclassnamethatgoesonandonforeverande_");
    }

    @Test
    void micronautPropertiesPointAtTheServer() {
        assertThat(db.properties())
                .containsEntry("datasources.default.url", db.jdbcUrl())
                .containsEntry("datasources.default.username", db.username())
                .containsEntry("datasources.default.password", db.password())
                .containsEntry("datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver")
                .containsEntry("datasources.default.dialect", "MYSQL")
                .hasSize(5);
        String other = db.newDatabase("props");
        assertThat(db.properties(other)).containsEntry("datasources.default.url", other);
        assertThat(ThrowawayMariaDb.shared()).isSameAs(db);
        assertThat(ThrowawayMariaDb.isSharedRunning()).isTrue();
    }

    @Test
    void anotherInstanceGetsItsOwnPortAndDirectoryAndIsGoneAfterClose() throws SQLException {
        Path directory;
        int port;
        try (ThrowawayMariaDb other = ThrowawayMariaDb.start()) {
            directory = other.instanceDirectory();
            port = other.port();
            assertThat(port).isNotEqualTo(db.port());
            assertThat(directory).isNotEqualTo(db.instanceDirectory()).exists();
            try (Connection connection = other.connect(); Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT @@port")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(port);
            }
            other.close();
            assertThat(other.isRunning()).isFalse();
        }
        assertThat(Files.exists(directory)).isFalse();
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + port + "/cspdesk?connectTimeout=1000", db.username(), db.password()))
                .isInstanceOf(SQLException.class);
        assertThat(db.isRunning()).isTrue();
    }

    @Test
    void aServerThatAbortsFailsWithItsErrorLog() throws IOException {
        Throwable failure = catchThrowable(() -> ThrowawayMariaDb.start(List.of("--no-such-option-for-this-test")));
        assertThat(failure).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mariadbd exited with code")
                .hasMessageContaining("--- tail of")
                .hasMessageContaining("no-such-option-for-this-test");
        Matcher kept = Pattern.compile("Instance directory kept for inspection: (\\S+)").matcher(failure.getMessage());
        assertThat(kept.find()).isTrue();
        try (Stream<Path> paths = Files.walk(Path.of(kept.group(1)))) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void aMissingProgramFailsWithTheInstallCommand() {
        assertThatThrownBy(() -> MariaDbBinaries.find("mariadbd-that-does-not-exist", "/nonexistent"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mariadbd-that-does-not-exist")
                .hasMessageContaining("apt-get install -y mariadb-server");
    }

    @Test
    void theRealVersionIsReadFromMariadbdVersion() {
        assertThat(MariaDbBinaries.parseVersion(
                "/usr/sbin/mariadbd  Ver 10.11.19-MariaDB-0+deb12u1 for debian-linux-gnu on x86_64 (Debian 12)"))
                .isEqualTo("10.11.19");
    }

    private static void createTable(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, at DATETIME(6) NOT NULL)"
                    + " ENGINE=InnoDB");
        }
    }

    /** The server itself must hold the UTC wall-clock time with all six fractional digits. */
    private static void assertStoredAsUtcWallClock(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i:%s.%f') FROM " + table + " ORDER BY id")) {
            int rows = 0;
            while (rs.next()) {
                assertThat(rs.getString(1)).isEqualTo("2026-11-21 15:23:14.998600");
                rows++;
            }
            assertThat(rows).isPositive();
        }
    }

    private static String sessionIsolation(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT @@session.tx_isolation")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
