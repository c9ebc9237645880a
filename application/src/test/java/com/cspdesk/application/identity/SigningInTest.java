package com.cspdesk.application.identity;

import com.cspdesk.application.activity.AdminActs;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.metrics.port.out.BusinessMetrics;
import com.cspdesk.application.identity.port.in.AuthenticateUser.Credentials;
import com.cspdesk.application.identity.port.in.AuthenticateUser.Refused;
import com.cspdesk.application.identity.port.in.AuthenticateUser.SignedIn;
import com.cspdesk.application.identity.port.in.AuthenticateUser.TooManyAttempts;
import com.cspdesk.application.identity.port.in.SignedInUser;
import com.cspdesk.application.identity.port.out.PasswordHasher;
import com.cspdesk.application.identity.port.out.SignInFailures;
import com.cspdesk.application.identity.port.out.SignInFailures.Key;
import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.identity.FailedSignIns;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.SignInThrottle;
import com.cspdesk.domain.identity.SecondFactorRequirement;
import com.cspdesk.domain.identity.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class SigningInTest {

    private static final String TENANT = "0b9c6f57-0b5e-4f3b-9d61-2f1b3c7c2a10";
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final String ADDRESS = "192.0.2.7";
    private static final Username NAME = new Username("cust.admin");
    private static final Key ACCOUNT = Key.account(NAME);
    private static final Key FROM = Key.address(ADDRESS);

    /** Set while the unit of work runs: the failure counts must be written inside it. */
    private final AtomicBoolean inUnitOfWork = new AtomicBoolean();
    private SigningIn signingIn;
    private final Users users = mock(Users.class);
    private final PasswordHasher hasher = mock(PasswordHasher.class);
    private final SignInFailures failures = mock(SignInFailures.class);
    private final ActivityLog activityLog = mock(ActivityLog.class);
    private final Transactions transactions = mock(Transactions.class);
    private final BusinessMetrics metrics = mock(BusinessMetrics.class);
    /** No second factor anywhere and none required: the password alone signs in. */
    private final SecondFactorAuthentication secondFactor = new SecondFactorWorld().service(SecondFactorRequirement.none());

    /** cust.admin with the password Right-Passw0rd, no failures anywhere, the clock at NOW. */
    @BeforeEach
    void world() {
        when(hasher.hash(anyString())).thenReturn("decoy");
        when(transactions.inTransaction(any())).thenAnswer(call -> {
            inUnitOfWork.set(true);
            try {
                return ((Supplier<?>) call.getArgument(0)).get();
            } finally {
                inUnitOfWork.set(false);
            }
        });
        when(users.find(NAME)).thenReturn(Optional.of(new UserAccount(NAME, "stored", Set.of(Role.CUSTOMER_GLOBAL_ADMIN),
                Optional.of(TENANT), Instant.EPOCH)));
        when(hasher.matches("Right-Passw0rd", "stored")).thenReturn(true);
        when(failures.of(any())).thenReturn(Optional.empty());
        when(failures.recordFailure(any(), any(), any())).thenAnswer(call -> {
            assertThat(inUnitOfWork).as("failures are counted inside the unit of work").isTrue();
            return new FailedSignIns(1, NOW);
        });
        signingIn = new SigningIn(users, hasher, failures, activityLog, transactions, Clock.fixed(NOW, ZoneOffset.UTC),
                secondFactor, metrics);
    }

    @Test
    void theRightPasswordSignsInWithRolesAndTenant() {
        var outcome = signingIn.signIn(new Credentials("Cust.Admin", "Right-Passw0rd"), Optional.of(ADDRESS));

        assertThat(outcome).isInstanceOfSatisfying(SignedIn.class, signedIn -> {
            SignedInUser user = signedIn.user();
            assertThat(user.roles()).containsExactly(Role.CUSTOMER_GLOBAL_ADMIN);
            assertThat(user.customerTenantId()).contains(TENANT);
            assertThat(user.sessionGeneration()).isEqualTo(UserAccount.firstSessionGeneration(Instant.EPOCH));
        });
        verifyNoInteractions(metrics);
        // Nothing to clear, so nothing written.
        verify(failures, never()).clear(any());
        verify(failures, never()).recordFailure(any(), any(), any());
        verifyNoInteractions(activityLog);
    }

    @Test
    void theRightPasswordAfterFreeFailuresSignsInAndClearsTheAccountsFailuresOnly() {
        when(failures.of(ACCOUNT)).thenReturn(Optional.of(new FailedSignIns(5, NOW.minusSeconds(1))));
        when(failures.of(FROM)).thenReturn(Optional.of(new FailedSignIns(20, NOW.minusSeconds(1))));

        assertThat(signingIn.signIn(new Credentials("cust.admin", "Right-Passw0rd"), Optional.of(ADDRESS)))
                .isInstanceOf(SignedIn.class);
        verify(failures).clear(ACCOUNT);
        verify(failures, never()).clear(FROM);
    }

    @Test
    void aWrongPasswordOrUnknownUserIsRefusedAfterTheSameWork() {
        when(users.find(new Username("ghost.user"))).thenReturn(Optional.empty());

        assertThat(signingIn.signIn(new Credentials("ghost.user", "whatever-it-is"), Optional.empty())).isInstanceOf(Refused.class);
        verify(hasher).matches(eq("whatever-it-is"), eq("decoy"));
        assertThat(signingIn.signIn(new Credentials("cust.admin", "Wrong-Passw0rd"), Optional.empty())).isInstanceOf(Refused.class);
        verify(hasher).matches(eq("Wrong-Passw0rd"), eq("stored"));
        assertThat(signingIn.signIn(new Credentials("<not a name>", "x"), Optional.empty())).isInstanceOf(Refused.class);
        assertThat(signingIn.signIn(new Credentials("ghost.user", null), Optional.empty())).isInstanceOf(Refused.class);
        verify(hasher, times(2)).matches(eq(""), eq("decoy"));
        // Unknown and known names are counted alike, so the throttle does not tell them apart either.
        verify(failures, times(2)).recordFailure(Key.account(new Username("ghost.user")), NOW, NOW.minus(Duration.ofHours(24)));
        verify(failures).recordFailure(ACCOUNT, NOW, NOW.minus(Duration.ofHours(24)));
    }

    @Test
    void aFailureIsCountedAgainstTheAccountAndTheAddressAndLoggedInOneUnit() {
        assertThat(signingIn.signIn(new Credentials("Cust.Admin", "Wrong-Passw0rd"), Optional.of(ADDRESS)))
                .isInstanceOf(Refused.class);

        verify(failures).recordFailure(ACCOUNT, NOW, SignInThrottle.PER_ACCOUNT.forgetsBefore(NOW));
        verify(failures).recordFailure(FROM, NOW, NOW.minus(Duration.ofHours(1)));
        ActivityEntry entry = onlyRecord();
        assertThat(entry.operationType()).isEqualTo("sign_in");
        assertThat(entry.operationStatus()).isEqualTo("failed");
        assertThat(entry.userPrincipalName()).isEqualTo("cust.admin");
        assertThat(entry.resourceType()).isEqualTo("user");
        assertThat(entry.resourceId()).isEqualTo("cust.admin");
        assertThat(entry.customerId()).isNull();
        assertThat(entry.customizedData()).containsEntry(AdminActs.CLIENT_ADDRESS, ADDRESS).hasSize(1);
        assertThat(entry.operationDate()).isEqualTo(NOW);
    }

    @Test
    void aNameThatIsNoUsernameIsCountedAgainstTheAddressAndLoggedWithoutTheName() {
        assertThat(signingIn.signIn(new Credentials("My Secret Passw0rd!", "x"), Optional.of(ADDRESS)))
                .isInstanceOf(Refused.class);

        verify(failures).recordFailure(eq(FROM), any(), any());
        verify(failures, times(1)).recordFailure(any(), any(), any());
        verify(users, never()).find(any());
        ActivityEntry entry = onlyRecord();
        assertThat(entry.userPrincipalName()).isEqualTo("(not a username)").doesNotContain("Secret");
        assertThat(entry.resourceId()).isEqualTo("(not a username)");
    }

    @Test
    void theFailureThatStartsTheAccountsBackOffIsALockOutRecord() {
        ActivityEntry lockOut = lockOutRecordAfter(6, 6);

        assertThat(lockOut.resourceType()).isEqualTo("user");
        assertThat(lockOut.resourceId()).isEqualTo("cust.admin");
        assertThat(lockOut.customizedData()).containsEntry("scope", "account").containsEntry("failures", "6")
                .containsEntry("backOff", "PT15S").containsEntry(AdminActs.CLIENT_ADDRESS, ADDRESS);
    }

    @Test
    void theFailureThatStartsTheAddressesBackOffIsALockOutRecordOfTheAddress() {
        ActivityEntry lockOut = lockOutRecordAfter(7, 21);

        assertThat(lockOut.resourceType()).isEqualTo("client_address");
        assertThat(lockOut.resourceId()).isEqualTo(ADDRESS);
        assertThat(lockOut.customizedData()).containsEntry("scope", "address").containsEntry("failures", "21");
    }

    /** A wrong password that brings the counts to these: the one lock-out record it writes after its failure record. */
    private ActivityEntry lockOutRecordAfter(int accountFailures, int addressFailures) {
        doReturn(new FailedSignIns(accountFailures, NOW)).when(failures).recordFailure(eq(ACCOUNT), any(), any());
        doReturn(new FailedSignIns(addressFailures, NOW)).when(failures).recordFailure(eq(FROM), any(), any());

        signingIn.signIn(new Credentials("cust.admin", "Wrong-Passw0rd"), Optional.of(ADDRESS));

        List<ActivityEntry> records = records(2);
        assertThat(records).extracting(ActivityEntry::operationType).containsExactly("sign_in", "sign_in_locked_out");
        return records.get(1);
    }

    @Test
    void anAccountInBackOffIsRefusedBeforeAnyHashOrWrite() {
        when(failures.of(ACCOUNT)).thenReturn(Optional.of(new FailedSignIns(6, NOW.minusSeconds(5))));

        var outcome = signingIn.signIn(new Credentials("cust.admin", "Right-Passw0rd"), Optional.of("198.51.100.9"));

        assertThat(outcome).isEqualTo(new TooManyAttempts(Duration.ofSeconds(10)));
        verify(metrics).signInFailed(BusinessMetrics.SignInFailure.THROTTLED);
        verify(hasher, never()).matches(any(), any());
        verify(users, never()).find(any());
        verify(failures, never()).recordFailure(any(), any(), any());
        verifyNoInteractions(activityLog, transactions);
    }

    @Test
    void anAddressInBackOffIsRefusedForEveryAccountAndTheLongerWaitIsTold() {
        when(failures.of(FROM)).thenReturn(Optional.of(new FailedSignIns(22, NOW.minusSeconds(10))));
        when(failures.of(ACCOUNT)).thenReturn(Optional.of(new FailedSignIns(7, NOW.minusSeconds(1))));

        assertThat(signingIn.signIn(new Credentials("cust.admin", "Right-Passw0rd"), Optional.of(ADDRESS)))
                .isEqualTo(new TooManyAttempts(Duration.ofSeconds(29)));
        assertThat(signingIn.signIn(new Credentials("someone.else", "Any-Passw0rd"), Optional.of(ADDRESS)))
                .isEqualTo(new TooManyAttempts(Duration.ofSeconds(20)));
        assertThat(signingIn.signIn(new Credentials("<no name>", "x"), Optional.of(ADDRESS)))
                .isEqualTo(new TooManyAttempts(Duration.ofSeconds(20)));
        verify(hasher, never()).matches(any(), any());
    }

    @Test
    void aBackOffOnceReadIsRememberedUntilItEndsWithoutAskingAgain() {
        MovingClock clock = new MovingClock(NOW);
        SigningIn remembering = new SigningIn(users, hasher, failures, activityLog, transactions, clock, secondFactor, metrics);
        when(failures.of(ACCOUNT)).thenReturn(Optional.of(new FailedSignIns(6, NOW.minusSeconds(5))));

        assertThat(remembering.signIn(new Credentials("cust.admin", "Right-Passw0rd"), Optional.of(ADDRESS)))
                .isEqualTo(new TooManyAttempts(Duration.ofSeconds(10)));
        clock.now = NOW.plusSeconds(4);
        assertThat(remembering.signIn(new Credentials("Cust.Admin", "Wrong-Passw0rd"), Optional.of("198.51.100.1")))
                .isEqualTo(new TooManyAttempts(Duration.ofSeconds(6)));
        verify(failures, times(1)).of(ACCOUNT);
        verify(failures, never()).of(Key.address("198.51.100.1"));

        clock.now = NOW.plusSeconds(10);
        assertThat(remembering.signIn(new Credentials("cust.admin", "Right-Passw0rd"), Optional.of(ADDRESS)))
                .isInstanceOf(SignedIn.class);
        verify(failures, times(2)).of(ACCOUNT);
    }

    @Test
    void rememberedBackOffsAreBoundedAndEndedOnesGoFirst() {
        RememberedBackOffs backOffs = new RememberedBackOffs(2);
        Key one = Key.address("192.0.2.1");
        Key two = Key.address("192.0.2.2");
        Key three = Key.address("192.0.2.3");
        backOffs.remember(Optional.of(one), NOW, Optional.of(Duration.ofSeconds(1)));
        backOffs.remember(Optional.of(two), NOW, Optional.of(Duration.ofSeconds(60)));
        backOffs.remember(Optional.of(three), NOW.plusSeconds(1), Optional.of(Duration.ofSeconds(60)));

        assertThat(backOffs.remembered(Optional.of(two), NOW.plusSeconds(1))).contains(Duration.ofSeconds(59));
        assertThat(backOffs.remembered(Optional.of(three), NOW.plusSeconds(1))).contains(Duration.ofSeconds(60));
        backOffs.remember(Optional.of(one), NOW.plusSeconds(1), Optional.of(Duration.ofSeconds(5)));
        // None had ended: all forgotten but the newest (they are read again).
        assertThat(backOffs.remembered(Optional.of(two), NOW.plusSeconds(1))).isEmpty();
        assertThat(backOffs.remembered(Optional.of(one), NOW.plusSeconds(1))).contains(Duration.ofSeconds(5));
        assertThat(backOffs.remembered(Optional.empty(), NOW)).isEmpty();
        assertThat(backOffs.remember(Optional.of(one), NOW, Optional.empty())).isEmpty();
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void onceTheBackOffHasPassedTheRightPasswordSignsIn() {
        when(failures.of(ACCOUNT)).thenReturn(Optional.of(new FailedSignIns(6, NOW.minusSeconds(15))));

        assertThat(signingIn.signIn(new Credentials("cust.admin", "Right-Passw0rd"), Optional.of(ADDRESS)))
                .isInstanceOf(SignedIn.class);
        verify(failures).clear(ACCOUNT);
    }

    @Test
    void withoutAClientAddressOnlyTheAccountIsCounted() {
        signingIn.signIn(new Credentials("cust.admin", "Wrong-Passw0rd"), Optional.of("  "));

        verify(failures).recordFailure(eq(ACCOUNT), any(), any());
        verify(failures, times(1)).recordFailure(any(), any(), any());
        assertThat(onlyRecord().customizedData()).doesNotContainKey(AdminActs.CLIENT_ADDRESS).isEmpty();
    }

    @Test
    void aBackOffIsToldInWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(new TooManyAttempts(Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
        assertThat(new TooManyAttempts(Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new TooManyAttempts(Duration.ofSeconds(1)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new TooManyAttempts(Duration.ofMillis(1_001)).retryAfterSeconds()).isEqualTo(2);
        assertThat(new TooManyAttempts(Duration.ofSeconds(15)).retryAfterSeconds()).isEqualTo(15);
    }

    @Test
    void credentialsNeverPrintThePassword() {
        assertThat(new Credentials("a", "Secret-Passw0rd").toString()).doesNotContain("Secret-Passw0rd");
    }

    private ActivityEntry onlyRecord() {
        return records(1).get(0);
    }

    private List<ActivityEntry> records(int count) {
        ArgumentCaptor<ActivityEntry> logged = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog, times(count)).append(logged.capture());
        return logged.getAllValues();
    }
}
