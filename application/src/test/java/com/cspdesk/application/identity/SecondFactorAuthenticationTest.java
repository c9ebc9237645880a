package com.cspdesk.application.identity;

import com.cspdesk.application.TestActors;
import com.cspdesk.application.identity.port.in.AuthenticateUser.MfaRequired;
import com.cspdesk.application.identity.port.in.AuthenticateUser.SignedIn;
import com.cspdesk.application.identity.port.in.CompleteSignIn;
import com.cspdesk.application.identity.port.in.ConfirmSecondFactor;
import com.cspdesk.application.identity.port.in.EnrolSecondFactor;
import com.cspdesk.application.identity.port.in.ResetSecondFactor;
import com.cspdesk.application.identity.port.in.ViewSecondFactor.SecondFactorStatus;
import com.cspdesk.application.identity.port.out.SecondFactors.SecondFactor;
import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.SecondFactorRequirement;
import com.cspdesk.domain.identity.TotpSteps;
import com.cspdesk.domain.identity.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.cspdesk.application.identity.SecondFactorWorld.STEP;
import static com.cspdesk.application.identity.SecondFactorWorld.codeAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class SecondFactorAuthenticationTest {

    private static final String ADMIN = "admin.agent@partner.test";
    private static final Username USER = new Username(ADMIN);
    private static final String SEALED_SECRET = "sealed[totp-secret:" + ADMIN + "]SECRETBASE32";
    private static final Actor AGENT = Actor.partner(ADMIN, Role.ADMIN_AGENT).from("198.51.100.4");
    private static final Actor GLOBAL = Actor.partner("global.admin@partner.test", Role.GLOBAL_ADMIN).from("198.51.100.9");
    private static final Actor NO_ROLE = new Actor("nobody@partner.test", Set.of(), Optional.empty());

    private final SecondFactorWorld world = new SecondFactorWorld();
    private final SecondFactorAuthentication mfa = world.service(new SecondFactorRequirement(EnumSet.of(Role.ADMIN_AGENT)));
    private final UserAccount account = new UserAccount(USER, "hash", Set.of(Role.ADMIN_AGENT), Optional.empty(), Instant.EPOCH);

    @BeforeEach
    void aUserExists() {
        when(world.users.find(USER)).thenReturn(Optional.of(account));
    }

    private void enrolled(boolean confirmed, long lastUsedStep) {
        when(world.secondFactors.find(USER))
                .thenReturn(Optional.of(new SecondFactor(USER, SEALED_SECRET, confirmed, lastUsedStep, Instant.EPOCH)));
    }

    // --- permissions first

    @Test
    void withoutThePermissionNothingIsReadOrChanged() {
        assertThat(mfa.enrol(NO_ROLE)).isEqualTo(new EnrolSecondFactor.NotPermitted(Permission.MANAGE_OWN_MFA));
        assertThat(mfa.confirm(NO_ROLE, "123456")).isEqualTo(new ConfirmSecondFactor.NotPermitted(Permission.MANAGE_OWN_MFA));
        assertThat(mfa.status(NO_ROLE)).isEqualTo(Lookup.notPermitted(Permission.MANAGE_OWN_MFA));
        for (Actor refused : TestActors.refused(Permission.RESET_MFA)) {
            assertThat(mfa.reset(refused, ADMIN)).isEqualTo(new ResetSecondFactor.NotPermitted(Permission.RESET_MFA));
        }
        verifyNoInteractions(world.secondFactors, world.sealing, world.totp, world.activityLog);
    }

    // --- enrolment

    @Test
    void enrollingHandsOutTheSecretItsUriAndTenRecoveryCodesKeepingOnlyTheSealedSecretAndHashes() {
        when(world.totp.newSecret()).thenReturn("SECRETBASE32");
        when(world.totp.otpauthUri(SecondFactorAuthentication.ISSUER, ADMIN, "SECRETBASE32")).thenReturn("otpauth://totp/x");
        when(world.totp.newRecoveryCode()).thenReturn("abcdefgh234567ab", "abcdefgh234567ac", "abcdefgh234567ad", "abcdefgh234567ae", "abcdefgh234567af", "abcdefgh234567ag", "abcdefgh234567ah", "abcdefgh234567ai", "abcdefgh234567aj", "abcdefgh234567ak");
        when(world.secondFactors.enrol(eq(USER), anyString(), anyList(), any())).thenReturn(true);

        EnrolSecondFactor.EnrolOutcome outcome = mfa.enrol(AGENT);

        assertThat(outcome).isInstanceOfSatisfying(EnrolSecondFactor.Enrolment.class, enrolment -> {
            assertThat(enrolment.secret()).isEqualTo("SECRETBASE32");
            assertThat(enrolment.otpauthUri()).isEqualTo("otpauth://totp/x");
            assertThat(enrolment.recoveryCodes()).hasSize(10).startsWith("abcd-efgh-2345-67ab").doesNotHaveDuplicates();
            assertThat(enrolment.toString()).doesNotContain("SECRETBASE32", "abcd");
        });
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<String>> hashes = ArgumentCaptor.forClass(List.class);
        verify(world.secondFactors).enrol(eq(USER), eq(SEALED_SECRET), hashes.capture(), eq(world.clock.instant()));
        assertThat(hashes.getValue()).hasSize(10).startsWith("#abcdefgh234567ab").noneMatch(hash -> hash.equals("abcdefgh234567ab"));
    }

    @Test
    void aConfirmedFactorIsNotReplacedByEnrollingAgain() {
        enrolled(true, STEP - 4);

        assertThat(mfa.enrol(AGENT)).isInstanceOf(EnrolSecondFactor.AlreadyEnrolled.class);
        verify(world.secondFactors, never()).enrol(any(), any(), any(), any());
    }

    @Test
    void anEnrolmentTheStoreRefusesIsAlreadyEnrolled() {
        when(world.totp.newSecret()).thenReturn("SECRETBASE32");
        when(world.totp.newRecoveryCode()).thenReturn("abcdefgh234567ab");

        assertThat(mfa.enrol(AGENT)).isInstanceOf(EnrolSecondFactor.AlreadyEnrolled.class);
    }

    // --- confirmation

    @Test
    void theCurrentCodeConfirmsEndsTheSessionsAndIsLogged() {
        enrolled(false, TotpSteps.NONE_USED);
        when(world.secondFactors.confirm(USER, SEALED_SECRET, STEP)).thenReturn(true);

        assertThat(mfa.confirm(AGENT, codeAt(STEP))).isInstanceOf(ConfirmSecondFactor.Confirmed.class);

        verify(world.users).endSessions(USER);
        ActivityEntry entry = logged();
        assertThat(entry.operationType()).isEqualTo("enrol_mfa");
        assertThat(entry.userPrincipalName()).isEqualTo(ADMIN);
        assertThat(entry.resourceId()).isEqualTo(ADMIN);
        assertThat(entry.customizedData()).containsEntry("clientAddress", "198.51.100.4");
    }

    @Test
    void theCodeOfTheStepBeforeOrAfterConfirmsTooButNotTwoAway() {
        enrolled(false, TotpSteps.NONE_USED);
        when(world.secondFactors.confirm(eq(USER), eq(SEALED_SECRET), anyLong())).thenReturn(true);

        assertThat(mfa.confirm(AGENT, codeAt(STEP - 1))).isInstanceOf(ConfirmSecondFactor.Confirmed.class);
        assertThat(mfa.confirm(AGENT, codeAt(STEP + 1))).isInstanceOf(ConfirmSecondFactor.Confirmed.class);
        assertThat(mfa.confirm(AGENT, codeAt(STEP + 2))).isInstanceOf(ConfirmSecondFactor.WrongCode.class);
        assertThat(mfa.confirm(AGENT, codeAt(STEP - 2))).isInstanceOf(ConfirmSecondFactor.WrongCode.class);
        verify(world.secondFactors).confirm(USER, SEALED_SECRET, STEP - 1);
        verify(world.secondFactors).confirm(USER, SEALED_SECRET, STEP + 1);
    }

    @Test
    void aWrongCodeOrARecoveryCodeDoesNotConfirm() {
        enrolled(false, TotpSteps.NONE_USED);

        assertThat(mfa.confirm(AGENT, "000000")).isInstanceOf(ConfirmSecondFactor.WrongCode.class);
        assertThat(mfa.confirm(AGENT, "abcd-efgh-2345-67ab")).isInstanceOf(ConfirmSecondFactor.WrongCode.class);
        assertThat(mfa.confirm(AGENT, null)).isInstanceOf(ConfirmSecondFactor.WrongCode.class);
        verify(world.secondFactors, never()).confirm(any(), any(), anyLong());
        verifyNoInteractions(world.activityLog);
    }

    @Test
    void withoutAnUnconfirmedEnrolmentThereIsNothingToConfirm() {
        assertThat(mfa.confirm(AGENT, codeAt(STEP))).isInstanceOf(ConfirmSecondFactor.NothingToConfirm.class);
        enrolled(true, TotpSteps.NONE_USED);
        assertThat(mfa.confirm(AGENT, codeAt(STEP))).isInstanceOf(ConfirmSecondFactor.NothingToConfirm.class);
        // Confirmed or replaced by a newer enrolment between the read and the change.
        enrolled(false, TotpSteps.NONE_USED);
        assertThat(mfa.confirm(AGENT, codeAt(STEP))).isInstanceOf(ConfirmSecondFactor.NothingToConfirm.class);
        verify(world.users, never()).endSessions(any());
        verifyNoInteractions(world.activityLog);
    }

    // --- after the password

    @Test
    void aPasswordThatMatchedForAConfirmedFactorGetsTheSecondStepNotAToken() {
        enrolled(true, TotpSteps.NONE_USED);

        assertThat(mfa.afterPassword(account)).isInstanceOfSatisfying(MfaRequired.class,
                required -> assertThat(required.mfaToken()).startsWith("sealed[mfa-sign-in]" + ADMIN + "\n"));
        verify(world.secondFactors).openChallenge(eq(USER), anyString());
    }

    @Test
    void aUserWhoseRolesMustEnrolButHasNotMayOnlyEnrol() {
        enrolled(false, TotpSteps.NONE_USED);

        assertThat(mfa.afterPassword(account)).isInstanceOfSatisfying(SignedIn.class,
                signedIn -> assertThat(signedIn.user().enrolmentOnly()).isTrue());
        UserAccount sales = new UserAccount(new Username("sales@partner.test"), "h", Set.of(Role.SALES_AGENT), Optional.empty(),
                Instant.EPOCH);
        assertThat(mfa.afterPassword(sales)).isInstanceOfSatisfying(SignedIn.class,
                signedIn -> assertThat(signedIn.user().enrolmentOnly()).isFalse());
    }

    // --- the second step

    private String challenge() {
        enrolled(true, TotpSteps.NONE_USED);
        String token = ((MfaRequired) mfa.afterPassword(account)).mfaToken();
        when(world.secondFactors.takeAttempt(eq(USER), anyString(), eq(5))).thenReturn(true);
        return token;
    }

    @Test
    void theCurrentCodeFinishesTheSignInAndUsesItsStep() {
        String token = challenge();
        when(world.secondFactors.useStep(USER, STEP)).thenReturn(true);

        CompleteSignIn.SecondStepOutcome outcome = mfa.complete(token, codeAt(STEP), Optional.of("203.0.113.5"));

        assertThat(outcome).isInstanceOfSatisfying(CompleteSignIn.Passed.class, passed -> {
            assertThat(passed.user().username()).isEqualTo(USER);
            assertThat(passed.user().sessionGeneration()).isEqualTo(account.sessionGeneration());
            assertThat(passed.user().enrolmentOnly()).isFalse();
        });
        verify(world.secondFactors).closeChallenge(eq(USER), anyString());
        verifyNoInteractions(world.activityLog);
    }

    @Test
    void aCodeWhoseStepWasUsedMeanwhileIsWrongAndTheFailureIsLogged() {
        String token = challenge();

        assertThat(mfa.complete(token, codeAt(STEP), Optional.of("203.0.113.5"))).isInstanceOf(CompleteSignIn.WrongCode.class);

        ActivityEntry entry = logged();
        assertThat(entry.operationType()).isEqualTo("sign_in");
        assertThat(entry.operationStatus()).isEqualTo("failed");
        assertThat(entry.customizedData()).containsEntry("detail", "mfa").containsEntry("clientAddress", "203.0.113.5");
        verify(world.secondFactors, never()).closeChallenge(any(), any());
    }

    @Test
    void aStepAtOrBeforeTheLastUsedIsNotEvenTried() {
        String token = challenge();
        enrolled(true, STEP);

        assertThat(mfa.complete(token, codeAt(STEP), Optional.empty())).isInstanceOf(CompleteSignIn.WrongCode.class);
        assertThat(mfa.complete(token, codeAt(STEP - 1), Optional.empty())).isInstanceOf(CompleteSignIn.WrongCode.class);
        verify(world.secondFactors, never()).useStep(any(), anyLong());
    }

    @Test
    void aRecoveryCodeFinishesTheSignInOnce() {
        String token = challenge();
        when(world.secondFactors.useRecoveryCode(USER, "#abcdefgh234567ab")).thenReturn(true, false);

        assertThat(mfa.complete(token, "ABCD-EFGH-2345-67AB", Optional.empty())).isInstanceOf(CompleteSignIn.Passed.class);
        assertThat(mfa.complete(token, "abcd-efgh-2345-67ab", Optional.empty())).isInstanceOf(CompleteSignIn.WrongCode.class);
    }

    @Test
    void aTokenWithoutAttemptsLeftIsEnded() {
        String token = challenge();
        when(world.secondFactors.takeAttempt(eq(USER), anyString(), eq(5))).thenReturn(false);

        assertThat(mfa.complete(token, codeAt(STEP), Optional.empty())).isInstanceOf(CompleteSignIn.ChallengeEnded.class);
        verify(world.secondFactors, never()).useStep(any(), anyLong());
    }

    @Test
    void aForgedOrEmptyTokenIsEndedBeforeAnythingIsRead() {
        assertThat(mfa.complete("sealed[other]" + ADMIN + "\n1\n9999999999999\nx", codeAt(STEP), Optional.empty()))
                .isInstanceOf(CompleteSignIn.ChallengeEnded.class);
        assertThat(mfa.complete("sealed[mfa-sign-in]garbage", codeAt(STEP), Optional.empty()))
                .isInstanceOf(CompleteSignIn.ChallengeEnded.class);
        assertThat(mfa.complete(null, codeAt(STEP), Optional.empty())).isInstanceOf(CompleteSignIn.ChallengeEnded.class);
        assertThat(mfa.complete("x".repeat(2000), codeAt(STEP), Optional.empty())).isInstanceOf(CompleteSignIn.ChallengeEnded.class);
        verifyNoInteractions(world.secondFactors);
    }

    @Test
    void aTokenIsGoodForFiveMinutes() {
        String token = challenge();
        Clock later = Clock.fixed(SecondFactorWorld.NOW.plus(Duration.ofMinutes(5)), ZoneOffset.UTC);
        SecondFactorAuthentication fiveMinutesOn = new SecondFactorAuthentication(world.secondFactors, world.users, world.totp,
                world.sealing, world.transactions, world.activityLog, world.sessions, SecondFactorRequirement.none(),
                world.clock, later);

        assertThat(fiveMinutesOn.complete(token, codeAt(STEP + 10), Optional.empty()))
                .isInstanceOf(CompleteSignIn.ChallengeEnded.class);
    }

    @Test
    void aTokenOfAnEndedSessionOrADeletedUserIsEnded() {
        String token = challenge();
        when(world.users.find(USER)).thenReturn(Optional.of(new UserAccount(USER, "hash", account.roles(), Optional.empty(),
                Instant.EPOCH, account.sessionGeneration() + 1)));
        assertThat(mfa.complete(token, codeAt(STEP), Optional.empty())).isInstanceOf(CompleteSignIn.ChallengeEnded.class);

        when(world.users.find(USER)).thenReturn(Optional.empty());
        assertThat(mfa.complete(token, codeAt(STEP), Optional.empty())).isInstanceOf(CompleteSignIn.ChallengeEnded.class);
        verify(world.secondFactors, never()).takeAttempt(any(), any(), anyInt());
    }

    // --- reset and status

    @Test
    void anAdminsResetRemovesTheFactorEndsTheSessionsAndIsLogged() {
        when(world.secondFactors.remove(USER)).thenReturn(true);

        assertThat(mfa.reset(GLOBAL, "Admin.Agent@partner.test")).isInstanceOf(ResetSecondFactor.Reset.class);

        verify(world.users).endSessions(USER);
        ActivityEntry entry = logged();
        assertThat(entry.operationType()).isEqualTo("reset_mfa");
        assertThat(entry.userPrincipalName()).isEqualTo("global.admin@partner.test");
        assertThat(entry.resourceId()).isEqualTo(ADMIN);
    }

    @Test
    void resettingAUserWithoutAFactorOrAnInvalidNameIsNotFound() {
        assertThat(mfa.reset(GLOBAL, ADMIN)).isInstanceOf(ResetSecondFactor.NotFound.class);
        assertThat(mfa.reset(GLOBAL, "<no>")).isInstanceOf(ResetSecondFactor.NotFound.class);
        verify(world.users, never()).endSessions(any());
        verifyNoInteractions(world.activityLog);
    }

    @Test
    void theStatusSaysWhetherTheFactorIsOnAndRequired() {
        assertThat(TestActors.found(mfa.status(AGENT))).isEqualTo(new SecondFactorStatus(false, true, 0));
        enrolled(true, STEP);
        when(world.secondFactors.recoveryCodesLeft(USER)).thenReturn(9);
        assertThat(TestActors.found(mfa.status(AGENT))).isEqualTo(new SecondFactorStatus(true, true, 9));
    }

    private ActivityEntry logged() {
        ArgumentCaptor<ActivityEntry> entry = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(world.activityLog).append(entry.capture());
        return entry.getValue();
    }
}
