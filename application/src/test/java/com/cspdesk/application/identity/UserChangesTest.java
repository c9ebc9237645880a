package com.cspdesk.application.identity;

import com.cspdesk.application.InlineTransactions;
import com.cspdesk.application.TestActors;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.identity.port.in.CreateUser;
import com.cspdesk.application.identity.port.in.DeleteUser.DeleteUserResult;
import com.cspdesk.application.identity.port.in.NewUser;
import com.cspdesk.application.identity.port.in.UpdateUser;
import com.cspdesk.application.identity.port.in.UpdateUser.UserChange;
import com.cspdesk.application.identity.port.out.PasswordHasher;
import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.Username;
import com.cspdesk.domain.market.Market;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The admin acts on users (api.md "Users") and their activity records: created, changed, removed. */
class UserChangesTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123456Z");
    private static final String TENANT = "0b9c6f57-0b5e-4f3b-9d61-2f1b3c7c2a10";
    private static final String OTHER_TENANT = "7d0e3a51-44b2-4c5e-9f1a-1c2d3e4f5a6b";
    private static final Actor ROOT = Actor.partner("root.admin", Role.GLOBAL_ADMIN).from("192.0.2.10");

    private final Users users = mock(Users.class);
    private final Customers customers = mock(Customers.class);
    private final PasswordHasher hasher = mock(PasswordHasher.class);
    private final ActivityLog activityLog = mock(ActivityLog.class);
    private final Transactions transactions = InlineTransactions.mocked();
    private final Sessions sessions = new Sessions(users, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(5), 100);
    private final UserAdministration administration = new UserAdministration(users, customers, hasher, transactions,
            Clock.fixed(NOW, ZoneOffset.UTC), sessions, activityLog);

    @Test
    void aCreatedUserIsRecordedWithItsRolesAndTenantNeverItsPassword() {
        when(customers.byTenantId(TENANT)).thenReturn(Optional.of(new Customers.Customer(TENANT, "Contoso", "contoso.example",
                Market.of("DE"), NOW)));
        when(hasher.hash("Str0ng-enough!")).thenReturn("$argon2id$hash");
        when(users.add(any())).thenReturn(true);

        administration.create(new NewUser("It.Admin@Contoso.Example", "Str0ng-enough!", Set.of(Role.CUSTOMER_GLOBAL_ADMIN),
                TENANT), ROOT);

        InOrder inOrder = inOrder(transactions, users, activityLog);
        inOrder.verify(transactions).inTransaction(any());
        inOrder.verify(users).add(any());
        ActivityEntry record = appended();
        assertThat(record).isEqualTo(new ActivityEntry(NOW, "create_partner_user", "succeeded", "root.admin", null, null,
                null, "user", "it.admin@contoso.example",
                Map.of("roles", "CUSTOMER_GLOBAL_ADMIN", "customerTenantId", TENANT, "clientAddress", "192.0.2.10")));
        assertThat(record.customizedData().values()).noneMatch(v -> v.contains("Str0ng") || v.contains("argon2"));
    }

    @Test
    void aRefusedOrTakenUserAndASeedLeaveNoRecord() {
        assertThat(administration.create(new NewUser("agent.one", "short", Set.of(Role.ADMIN_AGENT), null), ROOT))
                .isInstanceOf(CreateUser.Refused.class);
        when(hasher.hash(any())).thenReturn("h");
        when(users.add(any())).thenReturn(false);
        assertThat(administration.create(new NewUser("agent.one", "Str0ng-enough!", Set.of(Role.ADMIN_AGENT), null), ROOT))
                .isEqualTo(new CreateUser.Refused(CreateUser.Reason.USERNAME_TAKEN, "username"));
        when(users.add(any())).thenReturn(true);
        when(users.find(any())).thenReturn(Optional.empty());
        administration.ensure(new NewUser("seed.agent", "Str0ng-enough!", Set.of(Role.ADMIN_AGENT), null));
        verify(activityLog, never()).append(any());
    }

    @Test
    void whenTheRecordCannotBeWrittenTheUserIsNotCreated() {
        when(hasher.hash(any())).thenReturn("h");
        when(users.add(any())).thenReturn(true);
        doThrow(new IllegalStateException("the log is gone")).when(activityLog).append(any());
        assertThatThrownBy(() -> administration.create(new NewUser("agent.one", "Str0ng-enough!", Set.of(Role.ADMIN_AGENT),
                null), ROOT)).hasMessage("the log is gone");
        // The unit of work that added the user failed: the store takes the user back (contract-tested).
        verify(transactions).inTransaction(any());
    }

    @Test
    void aRemovedUserIsRecordedAndARefusedRemovalIsNot() {
        when(users.find(new Username("agent.one"))).thenReturn(Optional.of(account("agent.one", Role.ADMIN_AGENT)));
        when(users.find(new Username("last.admin"))).thenReturn(Optional.of(account("last.admin", Role.GLOBAL_ADMIN)));
        when(users.countWithRoleForUpdate(Role.GLOBAL_ADMIN)).thenReturn(1L);

        assertThat(administration.delete("last.admin", ROOT)).isEqualTo(DeleteUserResult.LAST_GLOBAL_ADMIN);
        verify(activityLog, never()).append(any());
        assertThat(administration.delete("agent.one", ROOT)).isEqualTo(DeleteUserResult.DELETED);

        assertThat(appended()).isEqualTo(new ActivityEntry(NOW, "remove_partner_user", "succeeded", "root.admin", null, null,
                null, "user", "agent.one", Map.of("roles", "ADMIN_AGENT", "clientAddress", "192.0.2.10")));
    }

    @Test
    void changingRolesStoresThemEndsTheSessionsAndRecordsBeforeAndAfter() {
        UserAccount before = account("agent.one", Role.ADMIN_AGENT);
        when(users.find(new Username("agent.one"))).thenReturn(Optional.of(before));
        when(users.update(any())).thenReturn(true);
        assertThat(sessions.isCurrent("agent.one", before.sessionGeneration())).isTrue();

        var result = administration.update("Agent.One", change(Set.of(Role.SALES_AGENT, Role.GLOBAL_ADMIN), null, null), ROOT);

        assertThat(result).isInstanceOfSatisfying(UpdateUser.Updated.class,
                updated -> assertThat(updated.user().roles()).containsExactlyInAnyOrder(Role.SALES_AGENT, Role.GLOBAL_ADMIN));
        ArgumentCaptor<UserAccount> stored = ArgumentCaptor.forClass(UserAccount.class);
        InOrder inOrder = inOrder(transactions, users, activityLog);
        inOrder.verify(transactions).inTransaction(any());
        inOrder.verify(users).update(stored.capture());
        inOrder.verify(users).endSessions(new Username("agent.one"));
        inOrder.verify(activityLog).append(any());
        assertThat(stored.getValue().passwordHash()).isEqualTo("$hash");
        assertThat(appended()).isEqualTo(new ActivityEntry(NOW, "update_partner_user", "succeeded", "root.admin", null,
                null, null, "user", "agent.one", Map.of("rolesBefore", "ADMIN_AGENT", "rolesAfter", "GLOBAL_ADMIN,SALES_AGENT",
                "clientAddress", "192.0.2.10")));
        // This instance forgot what it remembered: the next check reads the raised generation.
        when(users.find(new Username("agent.one"))).thenReturn(Optional.of(new UserAccount(before.username(), "$hash",
                Set.of(Role.SALES_AGENT), Optional.empty(), NOW, before.sessionGeneration() + 1)));
        assertThat(sessions.isCurrent("agent.one", before.sessionGeneration())).isFalse();
    }

    @Test
    void aNewPasswordIsHashedAndRecordedOnlyAsReset() {
        when(users.find(new Username("agent.one"))).thenReturn(Optional.of(account("agent.one", Role.ADMIN_AGENT)));
        when(users.update(any())).thenReturn(true);
        when(hasher.hash("N3w-Passw0rd-here")).thenReturn("$argon2id$new");

        administration.update("agent.one", change(null, "N3w-Passw0rd-here", null), ROOT);

        ArgumentCaptor<UserAccount> stored = ArgumentCaptor.forClass(UserAccount.class);
        verify(users).update(stored.capture());
        assertThat(stored.getValue().passwordHash()).isEqualTo("$argon2id$new");
        assertThat(stored.getValue().roles()).containsExactly(Role.ADMIN_AGENT);
        verify(users).endSessions(new Username("agent.one"));
        assertThat(appended().customizedData()).isEqualTo(Map.of("password", "reset", "clientAddress", "192.0.2.10"));
        assertThat(change(null, "N3w-Passw0rd-here", null).toString()).doesNotContain("N3w-Passw0rd-here");
    }

    @Test
    void aChangedUserMeetsTheRulesOfANewOne() {
        when(users.find(new Username("agent.one"))).thenReturn(Optional.of(account("agent.one", Role.ADMIN_AGENT)));
        assertRefusedChange(change(Set.of(), null, null), CreateUser.Reason.ROLES_MISSING, "roles");
        assertRefusedChange(change(Set.of(Role.CUSTOMER_GLOBAL_ADMIN), null, null), CreateUser.Reason.CUSTOMER_TENANT_REQUIRED,
                "customerTenantId");
        assertRefusedChange(change(Set.of(Role.CUSTOMER_GLOBAL_ADMIN, Role.SALES_AGENT), null, TENANT),
                CreateUser.Reason.CUSTOMER_ROLE_MIXED, "roles");
        assertRefusedChange(change(null, null, TENANT), CreateUser.Reason.CUSTOMER_TENANT_NOT_ALLOWED, "customerTenantId");
        assertRefusedChange(change(null, "short", null), CreateUser.Reason.PASSWORD_TOO_SHORT, "password");
        assertRefusedChange(change(null, "agent.one-Passw0rd", null), CreateUser.Reason.PASSWORD_CONTAINS_USERNAME, "password");
        when(customers.byTenantId(TENANT)).thenReturn(Optional.empty());
        assertRefusedChange(change(Set.of(Role.CUSTOMER_GLOBAL_ADMIN), null, TENANT), CreateUser.Reason.CUSTOMER_TENANT_UNKNOWN,
                "customerTenantId");
        assertThat(administration.update("agent.one", change(null, null, null), ROOT)).isEqualTo(new UpdateUser.NothingToChange());
        verify(users, never()).update(any());
        verify(users, never()).endSessions(any());
        verifyNoInteractions(activityLog, hasher);
    }

    @Test
    void aCustomerAdminKeepsItsTenantWhileItKeepsTheRoleAndMovesToAnotherOnlyIfThatIsACustomer() {
        UserAccount customerAdmin = new UserAccount(new Username("it.admin"), "$hash", Set.of(Role.CUSTOMER_GLOBAL_ADMIN),
                Optional.of(TENANT), NOW);
        when(users.find(new Username("it.admin"))).thenReturn(Optional.of(customerAdmin));
        when(users.update(any())).thenReturn(true);
        when(customers.byTenantId(OTHER_TENANT)).thenReturn(Optional.of(new Customers.Customer(OTHER_TENANT, "Fabrikam",
                "fabrikam.example", Market.of("HU"), NOW)));

        var moved = administration.update("it.admin", change(null, null, OTHER_TENANT.toUpperCase(java.util.Locale.ROOT)), ROOT);

        assertThat(moved).isInstanceOfSatisfying(UpdateUser.Updated.class,
                updated -> assertThat(updated.user().customerTenantId()).contains(OTHER_TENANT));
        assertThat(appended().customizedData()).containsEntry("customerTenantIdBefore", TENANT)
                .containsEntry("customerTenantIdAfter", OTHER_TENANT).doesNotContainKey("rolesBefore");

        var partner = administration.update("it.admin", change(Set.of(Role.SALES_AGENT), null, null), ROOT);
        assertThat(partner).isInstanceOfSatisfying(UpdateUser.Updated.class,
                updated -> assertThat(updated.user().customerTenantId()).isEmpty());
    }

    @Test
    void theSameRolesAgainChangeNothingAndEndNoSession() {
        when(users.find(new Username("agent.one"))).thenReturn(Optional.of(account("agent.one", Role.ADMIN_AGENT)));
        assertThat(administration.update("agent.one", change(Set.of(Role.ADMIN_AGENT), null, null), ROOT))
                .isInstanceOf(UpdateUser.Updated.class);
        verify(users, never()).update(any());
        verify(users, never()).endSessions(any());
        verifyNoInteractions(activityLog);
    }

    @Test
    void theGlobalAdminRoleIsNotTakenFromTheLastHolder() {
        when(users.find(new Username("last.admin"))).thenReturn(Optional.of(account("last.admin", Role.GLOBAL_ADMIN)));
        when(users.countWithRoleForUpdate(Role.GLOBAL_ADMIN)).thenReturn(1L, 2L);

        assertThat(administration.update("last.admin", change(Set.of(Role.ADMIN_AGENT), null, null), ROOT))
                .isEqualTo(new UpdateUser.LastGlobalAdmin());
        verify(users, never()).update(any());
        verify(users, never()).endSessions(any());
        verifyNoInteractions(activityLog);

        when(users.update(any())).thenReturn(true);
        assertThat(administration.update("last.admin", change(Set.of(Role.ADMIN_AGENT), null, null), ROOT))
                .isInstanceOf(UpdateUser.Updated.class);
    }

    @Test
    void anUnknownUserIsNotFoundAndNothingIsRecorded() {
        when(users.find(any())).thenReturn(Optional.empty());
        assertThat(administration.update("nobody.here", change(Set.of(Role.SALES_AGENT), null, null), ROOT))
                .isEqualTo(new UpdateUser.NotFound());
        assertThat(administration.update("<bad>", change(Set.of(Role.SALES_AGENT), null, null), ROOT))
                .isEqualTo(new UpdateUser.NotFound());
        verifyNoInteractions(activityLog);
    }

    @Test
    void whenTheRecordCannotBeWrittenTheChangeFailsWithIt() {
        when(users.find(new Username("agent.one"))).thenReturn(Optional.of(account("agent.one", Role.ADMIN_AGENT)));
        when(users.update(any())).thenReturn(true);
        doThrow(new IllegalStateException("the log is gone")).when(activityLog).append(any());
        assertThatThrownBy(() -> administration.update("agent.one", change(Set.of(Role.SALES_AGENT), null, null), ROOT))
                .hasMessage("the log is gone");
        verify(transactions).inTransaction(any());
    }

    @Test
    void onlyTheTablesRolesChangeUsersAndARefusalTouchesNoPort() {
        for (Actor actor : TestActors.refused(Permission.MANAGE_USERS)) {
            assertThat(administration.update("agent.one", change(Set.of(Role.GLOBAL_ADMIN), null, null), actor))
                    .isEqualTo(new UpdateUser.NotPermitted(Permission.MANAGE_USERS));
        }
        verifyNoInteractions(users, hasher, customers, transactions, activityLog);
    }

    private void assertRefusedChange(UserChange change, CreateUser.Reason reason, String field) {
        assertThat(administration.update("agent.one", change, ROOT)).isEqualTo(new UpdateUser.Refused(reason, field));
    }

    private ActivityEntry appended() {
        ArgumentCaptor<ActivityEntry> record = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog, org.mockito.Mockito.atLeastOnce()).append(record.capture());
        return record.getValue();
    }

    private static UserChange change(Set<Role> roles, String password, String tenant) {
        return new UserChange(Optional.ofNullable(roles), Optional.ofNullable(password), Optional.ofNullable(tenant));
    }

    private static UserAccount account(String name, Role role) {
        return new UserAccount(new Username(name), "$hash", Set.of(role), Optional.empty(), NOW);
    }
}
