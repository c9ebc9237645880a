package com.cspdesk.application.identity;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.identity.port.in.AddApplicationCredential;
import com.cspdesk.application.identity.port.in.RegisterApplication;
import com.cspdesk.application.identity.port.in.RemoveApplicationCredential.Outcome;
import com.cspdesk.application.identity.port.out.ApplicationCredential;
import com.cspdesk.application.identity.port.out.Applications;
import com.cspdesk.application.identity.port.out.ClientSecrets;
import com.cspdesk.application.identity.port.out.RegisteredApplication;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class ApplicationAdministrationTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private static final Actor ADMIN = Actor.partner("root@partner.test", Role.GLOBAL_ADMIN).from("192.0.2.9");
    private static final String SECRET = "cspd_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

    private final Applications applications = mock(Applications.class);
    private final ClientSecrets secrets = mock(ClientSecrets.class);
    private final ActivityLog activityLog = mock(ActivityLog.class);
    private final Transactions transactions = mock(Transactions.class);
    private final LiveCredentials live = new LiveCredentials(applications, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(5), 10);
    private final ApplicationAdministration administration = new ApplicationAdministration(applications, secrets, live,
            activityLog, transactions, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void world() {
        when(transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        when(secrets.newSecret()).thenReturn(SECRET);
        when(secrets.hash(SECRET)).thenReturn("h".repeat(64));
        when(applications.add(any())).thenReturn(true);
        when(applications.addCredential(anyString(), any())).thenReturn(true);
    }

    @Test
    void aRegistrationStoresTheHashAndAHintAnswersTheSecretOnceAndLogsBothActs() {
        RegisterApplication.RegisterOutcome outcome = administration.register(" Billing sync ", Set.of(Role.ADMIN_AGENT), ADMIN);

        RegisterApplication.Registered registered = (RegisterApplication.Registered) outcome;
        assertThat(registered.secret().secret()).isEqualTo(SECRET);
        assertThat(registered.secret().toString()).doesNotContain(SECRET);
        assertThat(registered.application().name()).isEqualTo("Billing sync");
        assertThat(registered.application().createdBy()).isEqualTo("root@partner.test");
        ArgumentCaptor<RegisteredApplication> stored = ArgumentCaptor.forClass(RegisteredApplication.class);
        verify(applications).add(stored.capture());
        ApplicationCredential credential = stored.getValue().credentials().get(0);
        assertThat(credential.secretHash()).isEqualTo("h".repeat(64));
        assertThat(credential.hint()).isEqualTo("DEFG");
        assertThat(stored.getValue().toString()).doesNotContain(SECRET);
        List<ActivityEntry> entries = appended(2);
        assertThat(entries).extracting(ActivityEntry::operationType)
                .containsExactly("register_application", "add_application_credential");
        assertThat(entries).extracting(ActivityEntry::resourceType).containsExactly("application", "application_credential");
        assertThat(entries.get(0).resourceId()).isEqualTo(stored.getValue().id());
        assertThat(entries.get(0).customizedData()).containsEntry("roles", "ADMIN_AGENT").containsEntry("clientAddress", "192.0.2.9");
        assertThat(entries.toString()).doesNotContain(SECRET).doesNotContain("h".repeat(64));
    }

    @Test
    void everyRoleButTheGlobalAdminsIsRefusedBeforeAnythingIsReadOrMade() {
        for (Role role : Role.values()) {
            if (role == Role.GLOBAL_ADMIN) {
                continue;
            }
            Actor actor = role.isCustomerRole() ? Actor.customer("c@contoso.test", "0b9c6f57-0b5e-4f3b-9d61-2f1b3c7c2a10")
                    : Actor.partner("p@partner.test", role);
            assertThat(administration.register("X", Set.of(Role.SALES_AGENT), actor)).as(role.name())
                    .isEqualTo(new RegisterApplication.NotPermitted(Permission.MANAGE_APPLICATIONS));
            assertThat(administration.list(actor)).isInstanceOf(Lookup.NotPermitted.class);
            assertThat(administration.get("a", actor)).isInstanceOf(Lookup.NotPermitted.class);
            assertThat(administration.addCredential("a", actor)).isInstanceOf(AddApplicationCredential.NotPermitted.class);
            assertThat(administration.removeCredential("a", "c", actor)).isEqualTo(Outcome.NOT_PERMITTED);
            assertThat(administration.unregister("a", actor)).isEqualTo(Outcome.NOT_PERMITTED);
        }
        verifyNoInteractions(applications, secrets, activityLog);
    }

    @Test
    void anApplicationHoldingTheGlobalAdminRoleManagesNoApplications() {
        Actor app = new Actor("app:a1", Set.of(Role.GLOBAL_ADMIN), Optional.empty(), Optional.empty(), Optional.of("a1"));

        assertThat(administration.register("Child", Set.of(Role.GLOBAL_ADMIN), app)).isInstanceOf(RegisterApplication.NotPermitted.class);
        assertThat(administration.addCredential("a1", app)).isInstanceOf(AddApplicationCredential.NotPermitted.class);
        verifyNoInteractions(applications, activityLog);
    }

    @Test
    void badNamesAndRolesAreRefusedByField() {
        assertThat(administration.register("", Set.of(Role.SALES_AGENT), ADMIN))
                .isEqualTo(new RegisterApplication.Refused(RegisterApplication.Reason.NAME_MISSING, "name"));
        assertThat(administration.register("Sync", Set.of(), ADMIN))
                .isEqualTo(new RegisterApplication.Refused(RegisterApplication.Reason.ROLES_MISSING, "roles"));
        assertThat(administration.register("Sync", Set.of(Role.CUSTOMER_GLOBAL_ADMIN), ADMIN))
                .isEqualTo(new RegisterApplication.Refused(RegisterApplication.Reason.CUSTOMER_ROLE, "roles"));
        verify(applications, never()).add(any());
    }

    @Test
    void aSecondSecretIsAddedUpToTheLimitAndNeverToARevokedApplication() {
        when(applications.find("a1")).thenReturn(Optional.of(application("a1", Optional.empty(), 1)));
        when(applications.find("a5")).thenReturn(Optional.of(application("a5", Optional.empty(), 5)));
        when(applications.find("gone")).thenReturn(Optional.of(application("gone", Optional.of(NOW), 1)));

        AddApplicationCredential.Added added = (AddApplicationCredential.Added) administration.addCredential("a1", ADMIN);

        assertThat(added.secret().secret()).isEqualTo(SECRET);
        assertThat(added.secret().applicationId()).isEqualTo("a1");
        verify(applications).addCredential(eq("a1"), any());
        assertThat(appended(1).get(0).operationType()).isEqualTo("add_application_credential");
        assertThat(administration.addCredential("a5", ADMIN)).isEqualTo(new AddApplicationCredential.TooManyCredentials(5));
        assertThat(administration.addCredential("gone", ADMIN)).isEqualTo(new AddApplicationCredential.ApplicationRevoked());
        assertThat(administration.addCredential("nobody", ADMIN)).isEqualTo(new AddApplicationCredential.NotFound());
    }

    @Test
    void revokingACredentialLogsItOnceAndTheTokenCheckForgetsAtOnce() {
        RegisteredApplication app = application("a1", Optional.empty(), 2);
        when(applications.find("a1")).thenReturn(Optional.of(app));
        assertThat(live.isLive("a1", "a1-c0")).isTrue();
        when(applications.revokeCredential("a1", "a1-c0", NOW)).thenReturn(true, false);
        when(applications.find("a1")).thenReturn(Optional.of(withRevoked(app, "a1-c0")));

        assertThat(administration.removeCredential("a1", "a1-c0", ADMIN)).isEqualTo(Outcome.REMOVED);
        assertThat(live.isLive("a1", "a1-c0")).isFalse();
        assertThat(live.isLive("a1", "a1-c1")).isTrue();
        assertThat(administration.removeCredential("a1", "a1-c0", ADMIN)).isEqualTo(Outcome.ALREADY_REMOVED);
        assertThat(administration.removeCredential("a1", "other", ADMIN)).isEqualTo(Outcome.NOT_FOUND);
        List<ActivityEntry> entries = appended(1);
        assertThat(entries.get(0).operationType()).isEqualTo("remove_application_credential");
        assertThat(entries.get(0).resourceId()).isEqualTo("a1-c0");
        assertThat(entries.get(0).customizedData()).containsEntry("applicationId", "a1");
    }

    @Test
    void unregisteringKeepsTheApplicationMarkedAndLogsIt() {
        when(applications.find("a1")).thenReturn(Optional.of(application("a1", Optional.empty(), 1)));
        when(applications.revoke("a1", NOW)).thenReturn(true, false);

        assertThat(administration.unregister("a1", ADMIN)).isEqualTo(Outcome.REMOVED);
        assertThat(administration.unregister("a1", ADMIN)).isEqualTo(Outcome.ALREADY_REMOVED);
        assertThat(administration.unregister("nobody", ADMIN)).isEqualTo(Outcome.NOT_FOUND);
        verify(applications, times(2)).revoke("a1", NOW);
        assertThat(appended(1).get(0).operationType()).isEqualTo("unregister_application");
    }

    private List<ActivityEntry> appended(int count) {
        ArgumentCaptor<ActivityEntry> entries = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog, times(count)).append(entries.capture());
        return entries.getAllValues();
    }

    static RegisteredApplication application(String id, Optional<Instant> revokedAt, int credentials) {
        List<ApplicationCredential> list = new ArrayList<>();
        for (int i = 0; i < credentials; i++) {
            list.add(new ApplicationCredential(id + "-c" + i, "hash-" + id + "-" + i, "h" + i, NOW, Optional.empty()));
        }
        return new RegisteredApplication(id, "App " + id, Set.of(Role.ADMIN_AGENT), NOW, "root@partner.test", revokedAt, list);
    }

    private static RegisteredApplication withRevoked(RegisteredApplication app, String credentialId) {
        return new RegisteredApplication(app.id(), app.name(), app.roles(), app.createdAt(), app.createdBy(), app.revokedAt(),
                app.credentials().stream().map(c -> c.id().equals(credentialId)
                        ? new ApplicationCredential(c.id(), c.secretHash(), c.hint(), c.createdAt(), Optional.of(NOW)) : c).toList());
    }
}
