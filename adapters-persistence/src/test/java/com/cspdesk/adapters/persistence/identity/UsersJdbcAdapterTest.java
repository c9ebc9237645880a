package com.cspdesk.adapters.persistence.identity;

import com.cspdesk.adapters.persistence.OnMariaDb;
import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.Username;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(startApplication = false, transactional = false)
class UsersJdbcAdapterTest extends OnMariaDb {

    private static final String TENANT = "0b9c6f57-0b5e-4f3b-9d61-2f1b3c7c2a10";

    @Inject
    Users users;
    @Inject
    Transactions transactions;

    @Test
    void aUserRoundTripsWithRolesTenantAndMicroseconds() {
        Instant created = Instant.parse("2026-11-21T15:23:14.998601Z");
        UserAccount account = new UserAccount(new Username("cust.admin@contoso.example"), "$argon2id$x",
                Set.of(Role.CUSTOMER_GLOBAL_ADMIN), Optional.of(TENANT), created);

        assertThat(users.add(account)).isTrue();

        UserAccount read = users.find(new Username("cust.admin@contoso.example")).orElseThrow();
        assertThat(read.createdAt()).isEqualTo(created);
        assertThat(read.roles()).containsExactly(Role.CUSTOMER_GLOBAL_ADMIN);
        assertThat(read.customerTenantId()).contains(TENANT);
        assertThat(read.passwordHash()).isEqualTo("$argon2id$x");
    }

    @Test
    void aTakenUsernameIsReportedNotThrown() {
        UserAccount first = partner("taken.name", Role.ADMIN_AGENT);
        assertThat(users.add(first)).isTrue();
        assertThat(users.add(partner("taken.name", Role.SALES_AGENT))).isFalse();
        assertThat(users.find(new Username("taken.name")).orElseThrow().roles()).containsExactly(Role.ADMIN_AGENT);
    }

    @Test
    void listsOrderedCountsRolesAndRemoves() {
        users.add(partner("zz.global", Role.GLOBAL_ADMIN));
        users.add(partner("aa.global", Role.GLOBAL_ADMIN));
        users.add(new UserAccount(new Username("mixed.roles"), "h", Set.of(Role.ADMIN_AGENT, Role.ACCOUNT_ADMIN),
                Optional.empty(), Instant.parse("2026-01-01T00:00:00Z")));

        assertThat(users.all()).extracting(a -> a.username().value()).isSorted();
        assertThat(users.find(new Username("mixed.roles")).orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.ADMIN_AGENT, Role.ACCOUNT_ADMIN);
        long globals = transactions.inTransaction(() -> users.countWithRoleForUpdate(Role.GLOBAL_ADMIN));
        assertThat(globals).isGreaterThanOrEqualTo(2);

        assertThat(users.remove(new Username("zz.global"))).isTrue();
        assertThat(users.remove(new Username("zz.global"))).isFalse();
        assertThat(users.find(new Username("zz.global"))).isEmpty();
    }

    private static UserAccount partner(String name, Role role) {
        return new UserAccount(new Username(name), "h", Set.of(role), Optional.empty(), Instant.parse("2026-01-01T00:00:00Z"));
    }
}
