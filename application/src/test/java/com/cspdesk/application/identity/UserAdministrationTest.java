package com.cspdesk.application.identity;

import com.cspdesk.application.TestActors;
import com.cspdesk.application.identity.port.in.UserView;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import java.util.List;
import static org.mockito.Mockito.verifyNoInteractions;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.identity.port.in.CreateUser;
import com.cspdesk.application.identity.port.in.DeleteUser.DeleteUserResult;
import com.cspdesk.application.identity.port.in.NewUser;
import com.cspdesk.application.identity.port.out.PasswordHasher;
import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@ExtendWith(MockitoExtension.class)
class UserAdministrationTest {

    private static final String TENANT = "0b9c6f57-0b5e-4f3b-9d61-2f1b3c7c2a10";
    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123456Z");

    @Mock
    Users users;
    @Mock
    PasswordHasher hasher;
    @Mock
    Customers customers;
    @Mock
    Transactions transactions;
    @Mock
    ActivityLog activityLog;

    UserAdministration administration;
    Sessions sessions;

    private static final Actor ROOT = admin("root.admin");

    @BeforeEach
    void setUp() {
        lenient().when(transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        // The clock never moves: whatever this instance remembers of a user stays fresh for the whole test.
        sessions = new Sessions(users, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(5), 100);
        administration = new UserAdministration(users, customers, hasher, transactions, Clock.fixed(NOW, ZoneOffset.UTC),
                sessions, activityLog);
    }

    @Test
    void createsAUserWithTheHashNeverThePassword() {
        when(hasher.hash("Str0ng-enough!")).thenReturn("$argon2id$hash");
        when(users.add(any())).thenReturn(true);

        var result = administration.create(new NewUser("New.Agent@Partner.Example", "Str0ng-enough!",
                Set.of(Role.ADMIN_AGENT), null), ROOT);

        ArgumentCaptor<UserAccount> stored = ArgumentCaptor.forClass(UserAccount.class);
        verify(users).add(stored.capture());
        assertThat(stored.getValue().passwordHash()).isEqualTo("$argon2id$hash");
        assertThat(stored.getValue().username().value()).isEqualTo("new.agent@partner.example");
        assertThat(stored.getValue().createdAt()).isEqualTo(NOW);
        assertThat(result).isInstanceOfSatisfying(CreateUser.Created.class,
                created -> assertThat(created.user().roles()).containsExactly(Role.ADMIN_AGENT));
    }

    @Test
    void aCustomerAdminNeedsATenantAndOnlyThatRole() {
        assertRefused(new NewUser("cust.admin", "Str0ng-enough!", Set.of(Role.CUSTOMER_GLOBAL_ADMIN), null),
                CreateUser.Reason.CUSTOMER_TENANT_REQUIRED, "customerTenantId");
        assertRefused(new NewUser("cust.admin", "Str0ng-enough!", Set.of(Role.CUSTOMER_GLOBAL_ADMIN), "not-a-guid"),
                CreateUser.Reason.CUSTOMER_TENANT_INVALID, "customerTenantId");
        assertRefused(new NewUser("cust.admin", "Str0ng-enough!", Set.of(Role.CUSTOMER_GLOBAL_ADMIN, Role.ADMIN_AGENT), TENANT),
                CreateUser.Reason.CUSTOMER_ROLE_MIXED, "roles");
        assertRefused(new NewUser("agent.one", "Str0ng-enough!", Set.of(Role.ADMIN_AGENT), TENANT),
                CreateUser.Reason.CUSTOMER_TENANT_NOT_ALLOWED, "customerTenantId");
    }

    @Test
    void aCustomerAdminThroughTheApiIsForAnExistingCustomerButSeedsNeedNone() {
        when(customers.byTenantId(TENANT)).thenReturn(Optional.empty());
        assertRefused(new NewUser("cust.admin", "Str0ng-enough!", Set.of(Role.CUSTOMER_GLOBAL_ADMIN), TENANT),
                CreateUser.Reason.CUSTOMER_TENANT_UNKNOWN, "customerTenantId");

        when(customers.byTenantId(TENANT)).thenReturn(Optional.of(new Customers.Customer(TENANT, "Fabrikam Kft.",
                "fabrikam.example", com.cspdesk.domain.market.Market.of("HU"), NOW)));
        when(hasher.hash(any())).thenReturn("$argon2id$hash");
        when(users.add(any())).thenReturn(true);
        assertThat(administration.create(new NewUser("cust.admin", "Str0ng-enough!", Set.of(Role.CUSTOMER_GLOBAL_ADMIN),
                " " + TENANT.toUpperCase(java.util.Locale.ROOT) + " "), ROOT)).isInstanceOf(CreateUser.Created.class);

        // The sandbox seeds its customer admin whether or not its customer is there yet: no lookup.
        when(users.find(any())).thenReturn(Optional.empty());
        assertThat(administration.ensure(new NewUser("seed.admin", "Str0ng-enough!", Set.of(Role.CUSTOMER_GLOBAL_ADMIN), TENANT)))
                .isInstanceOf(CreateUser.Created.class);
        verify(customers, org.mockito.Mockito.times(2)).byTenantId(any());
    }

    @Test
    void refusesBadUsernamesMissingRolesAndWeakPasswords() {
        assertRefused(new NewUser("x", "Str0ng-enough!", Set.of(Role.ADMIN_AGENT), null),
                CreateUser.Reason.USERNAME_INVALID, "username");
        assertRefused(new NewUser("agent.one", "Str0ng-enough!", Set.of(), null),
                CreateUser.Reason.ROLES_MISSING, "roles");
        assertRefused(new NewUser("agent.one", "short", Set.of(Role.ADMIN_AGENT), null),
                CreateUser.Reason.PASSWORD_TOO_SHORT, "password");
        assertRefused(new NewUser("agent.one", "onlylowercaseletters", Set.of(Role.ADMIN_AGENT), null),
                CreateUser.Reason.PASSWORD_TOO_SIMPLE, "password");
        verify(users, never()).add(any());
    }

    @Test
    void aTakenUsernameIsRefused() {
        when(hasher.hash(any())).thenReturn("h");
        when(users.add(any())).thenReturn(false);
        assertRefused(new NewUser("agent.one", "Str0ng-enough!", Set.of(Role.ADMIN_AGENT), null),
                CreateUser.Reason.USERNAME_TAKEN, "username");
    }

    @Test
    void theLastGlobalAdminStays() {
        when(users.find(new Username("root.admin"))).thenReturn(Optional.of(account("root.admin", Role.GLOBAL_ADMIN)));
        when(users.countWithRoleForUpdate(Role.GLOBAL_ADMIN)).thenReturn(1L);
        assertThat(administration.delete("root.admin", admin("other.admin"))).isEqualTo(DeleteUserResult.LAST_GLOBAL_ADMIN);
        verify(users, never()).remove(any());
    }

    @Test
    void deletesAnotherUserButNeverOneself() {
        assertThat(administration.delete("root.admin", admin("Root.Admin"))).isEqualTo(DeleteUserResult.CANNOT_DELETE_SELF);
        when(users.find(new Username("agent.one"))).thenReturn(Optional.of(account("agent.one", Role.ADMIN_AGENT)));
        assertThat(administration.delete("agent.one", admin("root.admin"))).isEqualTo(DeleteUserResult.DELETED);
        verify(users).remove(new Username("agent.one"));
        assertThat(administration.delete("nobody.here", admin("root.admin"))).isEqualTo(DeleteUserResult.NOT_FOUND);
        assertThat(administration.delete("<bad>", admin("root.admin"))).isEqualTo(DeleteUserResult.NOT_FOUND);
    }

    @Test
    void aDeletedUsersTokensAreRefusedAtOnceOnThisInstance() {
        UserAccount agent = account("agent.one", Role.ADMIN_AGENT);
        when(users.find(new Username("agent.one"))).thenReturn(Optional.of(agent), Optional.of(agent), Optional.empty());
        assertThat(sessions.isCurrent("agent.one", agent.sessionGeneration())).isTrue();

        assertThat(administration.delete("agent.one", ROOT)).isEqualTo(DeleteUserResult.DELETED);

        assertThat(sessions.isCurrent("agent.one", agent.sessionGeneration())).isFalse();
    }

    @Test
    void aRefusedDeleteLeavesTheRememberedSessionAlone() {
        UserAccount root = account("root.admin", Role.GLOBAL_ADMIN);
        when(users.find(new Username("root.admin"))).thenReturn(Optional.of(root));
        when(users.countWithRoleForUpdate(Role.GLOBAL_ADMIN)).thenReturn(1L);
        assertThat(sessions.isCurrent("root.admin", root.sessionGeneration())).isTrue();

        assertThat(administration.delete("root.admin", admin("other.admin"))).isEqualTo(DeleteUserResult.LAST_GLOBAL_ADMIN);

        assertThat(sessions.isCurrent("root.admin", root.sessionGeneration())).isTrue();
        // Looked up by the check once and by the delete once: the check's memory was kept.
        verify(users, org.mockito.Mockito.times(2)).find(new Username("root.admin"));
    }

    @Test
    void aUserMadeAgainUnderADeletedNameIsKnownAtOnceButNotWithTheOldTokens() {
        UserAccount old = new UserAccount(new Username("agent.two"), "$hash", Set.of(Role.ADMIN_AGENT), Optional.empty(),
                NOW.minusSeconds(3600));
        when(users.find(new Username("agent.two"))).thenReturn(Optional.empty());
        assertThat(sessions.isCurrent("agent.two", old.sessionGeneration())).isFalse();
        when(hasher.hash("Str0ng-enough!")).thenReturn("$argon2id$hash");
        when(users.add(any())).thenReturn(true);

        var created = administration.create(new NewUser("agent.two", "Str0ng-enough!", Set.of(Role.ADMIN_AGENT), null), ROOT);

        assertThat(created).isInstanceOf(CreateUser.Created.class);
        ArgumentCaptor<UserAccount> stored = ArgumentCaptor.forClass(UserAccount.class);
        verify(users).add(stored.capture());
        assertThat(stored.getValue().sessionGeneration()).isNotEqualTo(old.sessionGeneration());
        when(users.find(new Username("agent.two"))).thenReturn(Optional.of(stored.getValue()));
        assertThat(sessions.isCurrent("agent.two", stored.getValue().sessionGeneration())).isTrue();
        assertThat(sessions.isCurrent("agent.two", old.sessionGeneration())).isFalse();
    }

    @Test
    void seedingLeavesAnExistingUserAlone() {
        when(users.find(new Username("root.admin"))).thenReturn(Optional.of(account("root.admin", Role.GLOBAL_ADMIN)));
        var result = administration.ensure(new NewUser("root.admin", "Another-Passw0rd!", Set.of(Role.GLOBAL_ADMIN), null));
        assertThat(result).isInstanceOf(CreateUser.Created.class);
        verify(users, never()).add(any());
        verify(hasher, never()).hash(any());
    }

    @Test
    void seedingTheUserAnotherInstanceAddedAtTheSameMomentFindsItsAccount() {
        // Both instances found no account; the other's add came first, so this one's is refused as taken.
        when(users.find(new Username("root.admin"))).thenReturn(Optional.empty(),
                Optional.of(account("root.admin", Role.GLOBAL_ADMIN)));
        when(hasher.hash(any())).thenReturn("$argon2id$hash");
        when(users.add(any())).thenReturn(false);

        var result = administration.ensure(new NewUser("root.admin", "Another-Passw0rd!", Set.of(Role.GLOBAL_ADMIN), null));

        assertThat(result).isInstanceOf(CreateUser.Created.class);
        assertThat(((CreateUser.Created) result).user().username()).isEqualTo("root.admin");
    }

    @Test
    void aNewUserNeverPrintsItsPassword() {
        assertThat(new NewUser("a.b", "Secret-Passw0rd", Set.of(), null).toString()).doesNotContain("Secret-Passw0rd");
        assertThat(account("a.b", Role.ADMIN_AGENT).toString()).doesNotContain("$hash");
    }

    @Test
    void onlyTheTablesRolesManageUsersAndARefusalTouchesNoPort() {
        for (Actor actor : TestActors.refused(Permission.MANAGE_USERS)) {
            assertThat(administration.create(new NewUser("agent.two", "Str0ng-enough!", Set.of(Role.ADMIN_AGENT), null), actor))
                    .isEqualTo(new CreateUser.NotPermitted(Permission.MANAGE_USERS));
            assertThat(administration.list(actor)).isEqualTo(Lookup.notPermitted(Permission.MANAGE_USERS));
            assertThat(administration.delete("agent.one", actor)).isEqualTo(DeleteUserResult.NOT_PERMITTED);
        }
        verifyNoInteractions(users, hasher, customers, transactions, activityLog);
        when(users.all()).thenReturn(List.of(account("b.agent", Role.ADMIN_AGENT), account("a.admin", Role.GLOBAL_ADMIN)));
        assertThat(TestActors.found(administration.list(ROOT))).extracting(UserView::username).containsExactly("a.admin", "b.agent");
    }

    @Test
    void startUpAsksWhetherAnybodyCanSignInWithoutAnActor() {
        when(users.all()).thenReturn(List.of());
        assertThat(administration.anyUser()).isFalse();
        when(users.all()).thenReturn(List.of(account("root.admin", Role.GLOBAL_ADMIN)));
        assertThat(administration.anyUser()).isTrue();
    }

    private static Actor admin(String username) {
        return Actor.partner(username, Role.GLOBAL_ADMIN);
    }

    private void assertRefused(NewUser user, CreateUser.Reason reason, String field) {
        assertThat(administration.create(user, ROOT)).isEqualTo(new CreateUser.Refused(reason, field));
    }

    private static UserAccount account(String name, Role role) {
        return new UserAccount(new Username(name), "$hash", Set.of(role), Optional.empty(), NOW);
    }
}
