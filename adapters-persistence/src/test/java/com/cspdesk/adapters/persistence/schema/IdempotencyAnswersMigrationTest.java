package com.cspdesk.adapters.persistence.schema;

import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V8: the kept responses' status, content type, body and Location become one opaque answer in the
 * web adapter's encoding (status, content type, Location, then the body, a line each), so a retry
 * of a request answered before the upgrade still gets its replay. On MariaDB and on H2 in MySQL mode.
 */
class IdempotencyAnswersMigrationTest {

    @Test
    void keptResponsesBecomeOpaqueAnswersOnMariaDb() throws Exception {
        ThrowawayMariaDb db = ThrowawayMariaDb.shared();
        String url = db.newDatabase("v8answers");
        convertsEveryKeptResponse(url, db.username(), db.password());
    }

    @Test
    void keptResponsesBecomeOpaqueAnswersOnH2InMySqlMode() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";
        convertsEveryKeptResponse(url, "sa", "");
    }

    private static void convertsEveryKeptResponse(String url, String user, String password) throws SQLException {
        flyway(url, user, password, "7").migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            insert(connection, "created", 201, "application/json", "{\"id\":\"ü\",\n\"note\":\"two lines\"}",
                    "/v1/customers/c/orders/o-1");
            insert(connection, "refused", 409, "application/problem+json", "{\"code\":\"x\"}", null);
            insert(connection, "redirected", 303, "application/json", null, "/ui/customers/c/orders/o-2?done=order_placed");
            insert(connection, "empty", 200, "text/plain", "", null);
            insert(connection, "claimed", null, null, null, null);
        }
        flyway(url, user, password, "latest").migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            Map<String, String> answers = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT idem_key, answer FROM idempotency_record ORDER BY idem_key")) {
                while (rows.next()) {
                    answers.put(rows.getString(1), rows.getString(2));
                }
            }
            assertThat(answers).containsEntry("created",
                    "201\napplication/json\n/v1/customers/c/orders/o-1\n{\"id\":\"ü\",\n\"note\":\"two lines\"}");
            assertThat(answers).containsEntry("refused", "409\napplication/problem+json\n\n{\"code\":\"x\"}");
            assertThat(answers).containsEntry("redirected", "303\napplication/json\n/ui/customers/c/orders/o-2?done=order_placed");
            assertThat(answers).containsEntry("empty", "200\ntext/plain\n\n");
            assertThat(answers).as("a claim still running has no answer yet").containsEntry("claimed", null);
            assertThat(answers).hasSize(5);
            assertThat(columns(connection)).containsExactlyInAnyOrder("scope", "idem_key", "fingerprint", "created_at", "answer");
        }
    }

    private static void insert(Connection connection, String key, Integer status, String contentType, String body,
                               String location) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO idempotency_record (scope, idem_key,"
                + " fingerprint, created_at, response_status, response_content_type, response_body, response_location)"
                + " VALUES ('agent', ?, ?, '2026-11-21 12:00:00', ?, ?, ?, ?)")) {
            statement.setString(1, key);
            statement.setString(2, "f".repeat(64));
            statement.setObject(3, status);
            statement.setString(4, contentType);
            statement.setString(5, body);
            statement.setString(6, location);
            statement.executeUpdate();
        }
    }

    private static List<String> columns(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getColumns(connection.getCatalog(), null, "idempotency_record", null)) {
            while (rows.next()) {
                names.add(rows.getString("COLUMN_NAME").toLowerCase());
            }
        }
        return names;
    }

    private static Flyway flyway(String url, String user, String password, String target) {
        return Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target(target).load();
    }
}
