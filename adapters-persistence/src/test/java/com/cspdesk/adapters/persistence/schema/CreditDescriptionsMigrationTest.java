package com.cspdesk.adapters.persistence.schema;

import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** V7: credit lines stored with an English "Credit: " in front lose it; nothing else changes. */
class CreditDescriptionsMigrationTest {

    @Test
    void creditLinesKeepTheProductNameOnly() throws Exception {
        ThrowawayMariaDb db = ThrowawayMariaDb.shared();
        String url = db.newDatabase("v7credits");
        flyway(url, "6").migrate();
        try (Connection connection = db.connect(url); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO invoice VALUES ('INV-2026-10-EUR', '2026-10', 'EUR', '2026-11-01 00:00:00',"
                    + " '2026-11-01 00:00:00', 3, 1, 0, 1, 1, 0, 1, 0, 0, 0)");
            statement.execute(line("charge", "o1", "SQL Server 2022 Standard"));
            statement.execute(line("credit", "o2", "Credit: SQL Server 2022 Standard"));
            statement.execute(line("credit", "o3", "Credit: Credit: a product named so"));
        }
        flyway(url, "latest").migrate();
        try (Connection connection = db.connect(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT order_id, description FROM invoice_line ORDER BY order_id")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(2)).isEqualTo("SQL Server 2022 Standard");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(2)).isEqualTo("SQL Server 2022 Standard");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(2)).as("only the one prefix the run added").isEqualTo("Credit: a product named so");
        }
    }

    private static Flyway flyway(String url, String target) {
        ThrowawayMariaDb db = ThrowawayMariaDb.shared();
        return Flyway.configure().dataSource(url, db.username(), db.password()).locations("classpath:db/migration")
                .target(target).load();
    }

    private static String line(String kind, String order, String description) {
        return "INSERT INTO invoice_line VALUES ('INV-2026-10-EUR', '" + kind + "', '" + order + "', 1, NULL,"
                + " '5c1f9d3e-8a4b-4f61-9e2a-3b7c0d1e2f40', 'Contoso GmbH', '" + description + "',"
                + " '2026-10-10 00:00:00', 1, 0, 1)";
    }
}
