package com.cspdesk.application.identity;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.metrics.port.out.BusinessMetrics;
import com.cspdesk.application.identity.port.in.GrantApplicationToken;
import com.cspdesk.application.identity.port.out.Applications;
import com.cspdesk.application.identity.port.out.ClientSecrets;
import com.cspdesk.application.identity.port.out.RegisteredApplication;
import com.cspdesk.application.identity.port.out.SignInFailures;
import com.cspdesk.application.identity.port.out.SignInFailures.Key;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.identity.FailedSignIns;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.SignInThrottle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ApplicationAuthenticationTest {

    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");
    private static final String ADDRESS = "192.0.2.44";

    private final Applications applications = mock(Applications.class);
    private final ClientSecrets secrets = mock(ClientSecrets.class);
    private final SignInFailures failures = mock(SignInFailures.class);
    private final ActivityLog activityLog = mock(ActivityLog.class);
    private final Transactions transactions = mock(Transactions.class);
    private final BusinessMetrics metrics = mock(BusinessMetrics.class);
    private final ApplicationAuthentication authentication = new ApplicationAuthentication(applications, secrets, failures,
            activityLog, transactions, Clock.fixed(NOW, ZoneOffset.UTC), metrics);

    @BeforeEach
    void world() {
        when(transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        when(secrets.hash(anyString())).thenAnswer(call -> "hash-of-" + call.getArgument(0));
        // a1 has two live secrets, s0 and s1 (stored as the hashes of "s0" and "s1" in ApplicationAdministrationTest's form).
        RegisteredApplication a1 = ApplicationAdministrationTest.application("a1", Optional.empty(), 2);
        when(applications.find("a1")).thenReturn(Optional.of(new RegisteredApplication(a1.id(), a1.name(), a1.roles(),
                a1.createdAt(), a1.createdBy(), a1.revokedAt(), a1.credentials().stream().map(c ->
                        new com.cspdesk.application.identity.port.out.ApplicationCredential(c.id(), "hash-of-s" + c.id().charAt(c.id().length() - 1),
                                c.hint(), c.createdAt(), c.revokedAt())).toList())));
        when(failures.recordFailure(any(), any(), any())).thenReturn(new FailedSignIns(1, NOW));
    }

    @Test
    void eitherLiveSecretGetsATokenForItsOwnCredentialWithTheApplicationsRoles() {
        assertThat(authentication.grant("a1", "s0", Optional.of(ADDRESS))).isEqualTo(new GrantApplicationToken.Granted(
                new GrantApplicationToken.ApplicationCaller("a1", "a1-c0", Set.of(Role.ADMIN_AGENT))));
        assertThat(authentication.grant("a1", "s1", Optional.of(ADDRESS))).isEqualTo(new GrantApplicationToken.Granted(
                new GrantApplicationToken.ApplicationCaller("a1", "a1-c1", Set.of(Role.ADMIN_AGENT))));
        verify(failures, never()).recordFailure(any(), any(), any());
    }

    @Test
    void aWrongSecretIsCountedAgainstTheClientAndTheAddressAndLoggedWithoutTheSecret() {
        assertThat(authentication.grant("a1", "guess", Optional.of(ADDRESS))).isEqualTo(new GrantApplicationToken.Refused());

        verify(failures).recordFailure(Key.client("a1"), NOW, SignInThrottle.PER_ACCOUNT.forgetsBefore(NOW));
        verify(failures).recordFailure(Key.address(ADDRESS), NOW, SignInThrottle.PER_ADDRESS.forgetsBefore(NOW));
        ArgumentCaptor<ActivityEntry> entry = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog).append(entry.capture());
        assertThat(entry.getValue().operationType()).isEqualTo("sign_in");
        assertThat(entry.getValue().operationStatus()).isEqualTo("failed");
        assertThat(entry.getValue().userPrincipalName()).isEqualTo("app:a1");
        assertThat(entry.getValue().resourceType()).isEqualTo("application");
        assertThat(entry.getValue().toString()).doesNotContain("guess");
    }

    @Test
    void anUnknownClientARevokedApplicationAndNoSecretAreRefusedAlike() {
        when(applications.find("gone")).thenReturn(Optional.of(ApplicationAdministrationTest.application("gone", Optional.of(NOW), 1)));

        assertThat(authentication.grant("nobody", "s0", Optional.empty())).isEqualTo(new GrantApplicationToken.Refused());
        assertThat(authentication.grant("gone", "s0", Optional.empty())).isEqualTo(new GrantApplicationToken.Refused());
        assertThat(authentication.grant("a1", null, Optional.empty())).isEqualTo(new GrantApplicationToken.Refused());
        assertThat(authentication.grant("a1", "x".repeat(600), Optional.empty())).isEqualTo(new GrantApplicationToken.Refused());
        verify(secrets, never()).hash("x".repeat(600));
    }

    @Test
    void aClientInBackOffIsAnsweredBeforeAnySecretIsChecked() {
        when(failures.of(Key.client("a1"))).thenReturn(Optional.of(new FailedSignIns(6, NOW.minusSeconds(5))));

        GrantApplicationToken.GrantOutcome outcome = authentication.grant("a1", "s0", Optional.of(ADDRESS));

        assertThat(outcome).isEqualTo(new GrantApplicationToken.TooManyAttempts(Duration.ofSeconds(10)));
        assertThat(((GrantApplicationToken.TooManyAttempts) outcome).retryAfterSeconds()).isEqualTo(10);
        verify(metrics).signInFailed(BusinessMetrics.SignInFailure.THROTTLED);
        verify(applications, never()).find(anyString());
        verify(secrets, never()).hash(anyString());
    }
}
