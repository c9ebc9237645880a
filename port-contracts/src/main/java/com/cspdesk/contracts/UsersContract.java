package com.cspdesk.contracts;

import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.Username;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Users} must do. The test methods may share one store: each uses names of its
 * own, and counts are compared before and after.
 */
public abstract class UsersContract extends PortContract {

    private static final String TENANT = "0b9c6f57-0b5e-4f3b-9d61-2f1b3c7c2a10";

    @Test
    void aUserRoundTripsWithRolesTenantAndMicroseconds() {
        Instant created = Instant.parse("2026-11-21T15:23:14.998601Z");
        UserAccount account = new UserAccount(new Username("cust.admin@contoso.example"), "$argon2id$x",
                Set.of(Role.CUSTOMER_GLOBAL_ADMIN), Optional.of(TENANT), created);

        assertThat(port(Users.class).add(account)).isTrue();

        UserAccount read = port(Users.class).find(new Username("Cust.Admin@Contoso.example")).orElseThrow();
        assertThat(read.createdAt()).isEqualTo(created);
        assertThat(read.roles()).containsExactly(Role.CUSTOMER_GLOBAL_ADMIN);
        assertThat(read.customerTenantId()).contains(TENANT);
        assertThat(read.passwordHash()).isEqualTo("$argon2id$x");
        assertThat(port(Users.class).find(new Username("nobody.here"))).isEmpty();
    }

    @Test
    void aTakenUsernameIsReportedNotThrown() {
        UserAccount first = partner("taken.name", Role.ADMIN_AGENT);
        assertThat(port(Users.class).add(first)).isTrue();
        assertThat(port(Users.class).add(partner("Taken.Name", Role.SALES_AGENT))).isFalse();
        assertThat(port(Users.class).find(new Username("taken.name")).orElseThrow().roles()).containsExactly(Role.ADMIN_AGENT);
    }

    @Test
    void listsOrderedCountsRolesAndRemoves() {
        long globalsBefore = inTransaction(() -> port(Users.class).countWithRoleForUpdate(Role.GLOBAL_ADMIN));
        port(Users.class).add(partner("zz.global", Role.GLOBAL_ADMIN));
        port(Users.class).add(partner("aa.global", Role.GLOBAL_ADMIN));
        port(Users.class).add(new UserAccount(new Username("mixed.roles"), "h", Set.of(Role.ADMIN_AGENT, Role.ACCOUNT_ADMIN),
                Optional.empty(), Instant.parse("2026-01-01T00:00:00Z")));

        assertThat(port(Users.class).all()).extracting(a -> a.username().value()).isSorted()
                .contains("aa.global", "mixed.roles", "zz.global");
        assertThat(port(Users.class).find(new Username("mixed.roles")).orElseThrow().roles())
                .containsExactlyInAnyOrder(Role.ADMIN_AGENT, Role.ACCOUNT_ADMIN);
        long globals = inTransaction(() -> port(Users.class).countWithRoleForUpdate(Role.GLOBAL_ADMIN));
        assertThat(globals).isEqualTo(globalsBefore + 2);

        assertThat(port(Users.class).remove(new Username("zz.global"))).isTrue();
        assertThat(port(Users.class).remove(new Username("zz.global"))).isFalse();
        assertThat(port(Users.class).find(new Username("zz.global"))).isEmpty();
        assertThat(inTransaction(() -> port(Users.class).countWithRoleForUpdate(Role.GLOBAL_ADMIN)))
                .isEqualTo(globalsBefore + 1);
    }

    @Test
    void ofTwoUnitsRemovingTheHoldersOfARoleAtOnceOnlyOneGetsPastTheCount() throws Exception {
        // The rule the count serves: never remove the last holder (as of global admins); a unit that
        // counts must not see a count the other is about to make stale.
        port(Users.class).add(partner("referral.one", Role.REFERRAL_ADMIN));
        port(Users.class).add(partner("referral.two", Role.REFERRAL_ADMIN));
        List<Callable<Boolean>> removals = new ArrayList<>();
        for (String name : List.of("referral.one", "referral.two")) {
            removals.add(() -> inTransaction(() ->
                    port(Users.class).countWithRoleForUpdate(Role.REFERRAL_ADMIN) > 1
                            && port(Users.class).remove(new Username(name))));
        }

        assertThat(Concurrently.run(removals)).containsOnlyOnce(true);
        assertThat(inTransaction(() -> port(Users.class).countWithRoleForUpdate(Role.REFERRAL_ADMIN))).isEqualTo(1);
    }

    @Test
    void anAddAndARemoveInAUnitOfWorkThatFailsAreBothUndone() {
        String kept = "kept." + UUID.randomUUID().toString().substring(0, 8);
        String added = "added." + UUID.randomUUID().toString().substring(0, 8);
        port(Users.class).add(partner(kept, Role.SALES_AGENT));

        assertThatThrownBy(() -> inTransaction(() -> {
            assertThat(port(Users.class).add(partner(added, Role.GLOBAL_ADMIN))).isTrue();
            assertThat(port(Users.class).remove(new Username(kept))).isTrue();
            throw new IllegalStateException("the last global admin may not go");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(port(Users.class).find(new Username(added))).isEmpty();
        assertThat(port(Users.class).find(new Username(kept))).isPresent();
    }

    @Test
    void aNewAccountsSessionGenerationIsItsCreationInMicrosecondsAndRoundTrips() {
        Instant created = Instant.parse("2026-11-21T15:23:14.998601Z");
        port(Users.class).add(new UserAccount(new Username("generation.new"), "h", Set.of(Role.SALES_AGENT), Optional.empty(), created));
        port(Users.class).add(new UserAccount(new Username("generation.given"), "h", Set.of(Role.SALES_AGENT), Optional.empty(),
                created, 42));

        assertThat(port(Users.class).find(new Username("generation.new")).orElseThrow().sessionGeneration())
                .isEqualTo(1_795_274_594_998_601L);
        assertThat(port(Users.class).find(new Username("generation.given")).orElseThrow().sessionGeneration()).isEqualTo(42);
    }

    @Test
    void endingSessionsRaisesTheGenerationByOneAndLeavesTheRestAlone() {
        UserAccount before = partner("signs.out", Role.ACCOUNT_ADMIN);
        port(Users.class).add(before);
        port(Users.class).add(partner("stays.in", Role.ACCOUNT_ADMIN));
        long othersBefore = port(Users.class).find(new Username("stays.in")).orElseThrow().sessionGeneration();

        assertThat(port(Users.class).endSessions(new Username("Signs.Out"))).isTrue();
        assertThat(port(Users.class).endSessions(new Username("signs.out"))).isTrue();

        UserAccount after = port(Users.class).find(new Username("signs.out")).orElseThrow();
        assertThat(after.sessionGeneration()).isEqualTo(before.sessionGeneration() + 2);
        assertThat(after.roles()).isEqualTo(before.roles());
        assertThat(after.passwordHash()).isEqualTo(before.passwordHash());
        assertThat(after.createdAt()).isEqualTo(before.createdAt());
        assertThat(port(Users.class).find(new Username("stays.in")).orElseThrow().sessionGeneration()).isEqualTo(othersBefore);
        assertThat(port(Users.class).endSessions(new Username("nobody.at.all"))).isFalse();
    }

    @Test
    void anUpdateReplacesRolesTenantAndHashAndKeepsCreationAndGeneration() {
        Instant created = Instant.parse("2026-11-21T15:23:14.998601Z");
        UserAccount before = new UserAccount(new Username("changes.roles"), "old-hash", Set.of(Role.CUSTOMER_GLOBAL_ADMIN),
                Optional.of(TENANT), created, 7);
        port(Users.class).add(before);

        assertThat(port(Users.class).update(new UserAccount(new Username("Changes.Roles"), "new-hash",
                Set.of(Role.ADMIN_AGENT, Role.GLOBAL_ADMIN), Optional.empty(), Instant.EPOCH, 99))).isTrue();

        UserAccount after = port(Users.class).find(new Username("changes.roles")).orElseThrow();
        assertThat(after.roles()).containsExactlyInAnyOrder(Role.ADMIN_AGENT, Role.GLOBAL_ADMIN);
        assertThat(after.customerTenantId()).isEmpty();
        assertThat(after.passwordHash()).isEqualTo("new-hash");
        assertThat(after.createdAt()).isEqualTo(created);
        assertThat(after.sessionGeneration()).isEqualTo(7);
        assertThat(port(Users.class).update(partner("nobody.to.change", Role.SALES_AGENT))).isFalse();
        assertThat(port(Users.class).find(new Username("nobody.to.change"))).isEmpty();
    }

    @Test
    void anUpdateInAUnitOfWorkThatFailsIsUndone() {
        port(Users.class).add(partner("changed.back", Role.SALES_AGENT));

        assertThatThrownBy(() -> inTransaction(() -> {
            assertThat(port(Users.class).update(partner("changed.back", Role.GLOBAL_ADMIN))).isTrue();
            throw new IllegalStateException("the record of the change could not be written");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(port(Users.class).find(new Username("changed.back")).orElseThrow().roles()).containsExactly(Role.SALES_AGENT);
    }

    @Test
    void sessionsEndedAtOnceAllCount() throws Exception {
        UserAccount account = partner("many.devices", Role.SALES_AGENT);
        port(Users.class).add(account);
        List<Callable<Boolean>> signOuts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            signOuts.add(() -> port(Users.class).endSessions(new Username("many.devices")));
        }

        assertThat(Concurrently.run(signOuts)).containsOnly(true);
        assertThat(port(Users.class).find(new Username("many.devices")).orElseThrow().sessionGeneration())
                .isEqualTo(account.sessionGeneration() + 4);
    }

    @Test
    void sessionsEndedInAUnitOfWorkThatFailsStayOpen() {
        UserAccount account = partner("rolled.back", Role.SALES_AGENT);
        port(Users.class).add(account);

        assertThatThrownBy(() -> inTransaction(() -> {
            assertThat(port(Users.class).endSessions(new Username("rolled.back"))).isTrue();
            throw new IllegalStateException("the change that ends them failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(port(Users.class).find(new Username("rolled.back")).orElseThrow().sessionGeneration())
                .isEqualTo(account.sessionGeneration());
    }

    private static UserAccount partner(String name, Role role) {
        return new UserAccount(new Username(name), "h", Set.of(role), Optional.empty(), Instant.parse("2026-01-01T00:00:00Z"));
    }
}
