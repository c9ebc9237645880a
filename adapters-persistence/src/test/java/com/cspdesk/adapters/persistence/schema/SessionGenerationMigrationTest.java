package com.cspdesk.adapters.persistence.schema;

import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;
import com.cspdesk.application.identity.port.out.UserAccount;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V9: users stored before it get the session generation a new account gets — their creation
 * instant in microseconds — on MariaDB and on H2 in MySQL mode alike.
 */
class SessionGenerationMigrationTest {

    private static final Instant FIRST = Instant.parse("2026-11-21T15:23:14.998601Z");
    private static final Instant SECOND = Instant.parse("2025-01-02T03:04:05Z");

    @Test
    void existingUsersStartAtTheirCreationOnMariaDb() throws Exception {
        ThrowawayMariaDb db = ThrowawayMariaDb.shared();
        String url = db.newDatabase("v9sessions");
        migrateWithTwoUsers(Flyway.configure().dataSource(url, db.username(), db.password()),
                () -> connect(() -> db.connect(url)));
    }

    @Test
    void existingUsersStartAtTheirCreationOnH2() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";
        migrateWithTwoUsers(Flyway.configure().dataSource(url, "sa", ""), () -> connect(() -> DriverManager.getConnection(url, "sa", "")));
    }

    private static void migrateWithTwoUsers(org.flywaydb.core.api.configuration.FluentConfiguration flyway,
                                            Supplier<Connection> connections) throws Exception {
        flyway.locations("classpath:db/migration").target("8").load().migrate();
        try (Connection connection = connections.get(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO user_account VALUES ('first.user', 'h', 'SALES_AGENT', NULL, '2026-11-21 15:23:14.998601')");
            statement.execute("INSERT INTO user_account VALUES ('second.user', 'h', 'GLOBAL_ADMIN', NULL, '2025-01-02 03:04:05')");
        }
        flyway.target("latest").load().migrate();
        try (Connection connection = connections.get(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT session_generation FROM user_account ORDER BY username")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(UserAccount.firstSessionGeneration(FIRST));
            assertThat(rows.next()).isTrue();
            assertThat(rows.getLong(1)).isEqualTo(UserAccount.firstSessionGeneration(SECOND));
        }
    }

    private interface Connect {
        Connection open() throws Exception;
    }

    private static Connection connect(Connect connect) {
        try {
            return connect.open();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
