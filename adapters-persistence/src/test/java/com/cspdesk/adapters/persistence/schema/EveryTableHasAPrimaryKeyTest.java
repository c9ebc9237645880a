package com.cspdesk.adapters.persistence.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;
import io.micronaut.context.ApplicationContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Galera replicates row changes by primary key: on a table without one, deletes are not replicated
 * reliably and every change is certified against the whole table (docs/scale-out.md). So every table
 * of the migrated schema, Flyway's own and the migration lease's included, must have one.
 */
class EveryTableHasAPrimaryKeyTest {

    @Test
    void everyTableOfTheMigratedSchemaHasAPrimaryKey() throws SQLException {
        ThrowawayMariaDb db = ThrowawayMariaDb.shared();
        String url = db.newDatabase("primarykeys");
        Map<String, Object> properties = new HashMap<>(db.properties(url));
        properties.put("flyway.datasources.default.enabled", "true");
        properties.put("cspdesk.sandbox.enabled", "true");
        try (ApplicationContext ignored = ApplicationContext.run(properties);
             Connection connection = db.connect(url);
             PreparedStatement tables = connection.prepareStatement("""
                     SELECT t.table_name,
                            EXISTS (SELECT 1 FROM information_schema.table_constraints c
                                     WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                                       AND c.constraint_type = 'PRIMARY KEY') AS has_primary_key
                       FROM information_schema.tables t
                      WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'
                      ORDER BY t.table_name""")) {
            List<String> all = new ArrayList<>();
            List<String> withoutPrimaryKey = new ArrayList<>();
            try (ResultSet rs = tables.executeQuery()) {
                while (rs.next()) {
                    all.add(rs.getString(1));
                    if (!rs.getBoolean(2)) {
                        withoutPrimaryKey.add(rs.getString(1));
                    }
                }
            }
            assertThat(all).as("the migrated schema's tables").contains("customer", "flyway_schema_history",
                    MigrationLease.TABLE); // the lease of the product's Flyway run (OneInstanceMigrates), released after it
            assertThat(withoutPrimaryKey).as("tables without a primary key").isEmpty();
        }
    }
}
