package com.cspdesk.adapters.persistence.schema;

import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.Username;
import com.cspdesk.adapters.persistence.testing.H2InMySqlMode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded demo runs on H2 in MySQL mode: every migration must run there too, and the
 * MySQL-dialect SQL of the repositories must work on it. (Behaviour is tested on MariaDB.)
 */
class MigrationsOnH2Test {

    @Test
    void migrationsAndRepositoriesWorkOnH2InMySqlMode() {
        try (ApplicationContext context = H2InMySqlMode.start()) {
            Users users = context.getBean(Users.class);
            Instant created = Instant.parse("2026-11-21T15:23:14.998601Z");
            assertThat(users.add(new UserAccount(new Username("h2.user"), "h", Set.of(Role.SALES_AGENT),
                    Optional.empty(), created))).isTrue();
            assertThat(users.add(new UserAccount(new Username("h2.user"), "h", Set.of(Role.SALES_AGENT),
                    Optional.empty(), created))).isFalse();
            assertThat(users.find(new Username("h2.user")).orElseThrow().createdAt()).isEqualTo(created);
        }
    }

    @Test
    void theMigrationLeaseIsTakenAndReleasedOnH2Too() throws SQLException {
        try (ApplicationContext context = H2InMySqlMode.start();
             Connection connection = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class)).getConnection();
             Statement statement = connection.createStatement();
             ResultSet lease = statement.executeQuery("SELECT holder, taken_at FROM " + MigrationLease.TABLE)) {
            assertThat(lease.next()).as("the lease row of the run").isTrue();
            assertThat(lease.getString(1)).as("released").isNull();
            assertThat(lease.getLong(2)).as("taken").isPositive();
        }
    }
}
