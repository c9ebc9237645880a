package com.cspdesk.adapters.persistence.schema;

import com.cspdesk.adapters.persistence.testing.ThrowawayMariaDb;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.domain.customer.BillingProfile;
import com.cspdesk.domain.market.Market;
import io.micronaut.context.ApplicationContext;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V12: a customer stored before billing profiles were kept reads, after the migration, as it was,
 * its billed company name its own name and nothing else of a profile — on MariaDB and on H2 in
 * MySQL mode alike, through the JDBC adapter.
 */
class CustomerBillingProfileMigrationTest {

    private static final String TENANT = "0b6c1a9e-5f4d-4c3b-9a2e-1d0f8e7c6b5a";
    private static final Customers.Customer BEFORE = new Customers.Customer(TENANT, "Fourth Coffee Kft.", "fourthcoffee.example",
            Market.of("HU"), Instant.parse("2026-11-21T15:23:14.998601Z"));

    @Test
    void aCustomerFromBeforeReadsWithItsNameAsTheBilledNameOnMariaDb() throws Exception {
        ThrowawayMariaDb db = ThrowawayMariaDb.shared();
        String url = db.newDatabase("v12customers");
        Flyway.configure().dataSource(url, db.username(), db.password()).locations("classpath:db/migration").target("11")
                .load().migrate();
        try (Connection connection = db.connect(url)) {
            insertTheCustomerFromBefore(connection);
        }
        Map<String, Object> properties = new HashMap<>(db.properties(url));
        readBackAfterTheMigration(properties);
    }

    @Test
    void aCustomerFromBeforeReadsWithItsNameAsTheBilledNameOnH2() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("11").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            insertTheCustomerFromBefore(connection);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("datasources.default.url", url);
        properties.put("datasources.default.username", "sa");
        properties.put("datasources.default.password", "");
        properties.put("datasources.default.dialect", "MYSQL");
        readBackAfterTheMigration(properties);
    }

    private static void insertTheCustomerFromBefore(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO customer (tenant_id, company_name, name_key, domain, domain_key, country, created_at)"
                    + " VALUES ('" + TENANT + "', 'Fourth Coffee Kft.', 'fourth coffee kft.', 'fourthcoffee.example',"
                    + " 'fourthcoffee.example', 'HU', '2026-11-21 15:23:14.998601')");
        }
    }

    /** The application migrates the rest on start, as it does in production. */
    private static void readBackAfterTheMigration(Map<String, Object> properties) {
        properties.put("flyway.datasources.default.enabled", "true");
        properties.put("cspdesk.sandbox.enabled", "true");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            Customers customers = context.getBean(Customers.class);
            assertThat(customers.byTenantId(TENANT)).contains(BEFORE);
            assertThat(customers.byDomain("FourthCoffee.example")).contains(BEFORE);
            assertThat(customers.byTenantId(TENANT).orElseThrow().billingProfile()).isEqualTo(BillingProfile.of("Fourth Coffee Kft."));
        }
    }
}
