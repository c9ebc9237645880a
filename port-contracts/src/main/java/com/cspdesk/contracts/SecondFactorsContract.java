package com.cspdesk.contracts;

import com.cspdesk.application.identity.port.out.SecondFactors;
import com.cspdesk.application.identity.port.out.SecondFactors.SecondFactor;
import com.cspdesk.application.identity.port.out.UserAccount;
import com.cspdesk.application.identity.port.out.Users;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.TotpSteps;
import com.cspdesk.domain.identity.Username;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link SecondFactors} must do. Each test has users of its own, so the tests may share a store.
 */
public abstract class SecondFactorsContract extends PortContract {

    private static final Instant ENROLLED = Instant.parse("2026-12-02T10:15:30.123456Z");
    private static final List<String> HASHES = List.of(hash('a'), hash('b'), hash('c'));

    private Username user(String name) {
        Username username = new Username(name);
        port(Users.class).add(new UserAccount(username, "h", Set.of(Role.ADMIN_AGENT), Optional.empty(),
                Instant.parse("2026-01-01T00:00:00Z")));
        return username;
    }

    private Username confirmed(String name) {
        Username username = user(name);
        assertThat(factors().enrol(username, "sealed-1", HASHES, ENROLLED)).isTrue();
        assertThat(factors().confirm(username, "sealed-1", 100)).isTrue();
        return username;
    }

    private SecondFactors factors() {
        return port(SecondFactors.class);
    }

    private static String hash(char c) {
        return String.valueOf(c).repeat(64);
    }

    @Test
    void anEnrolmentIsKeptUnconfirmedWithItsSealedSecretAndCodes() {
        Username user = user("enrols.once@partner.test");

        assertThat(factors().enrol(user, "sealed-secret", HASHES, ENROLLED)).isTrue();

        SecondFactor factor = factors().find(new Username("Enrols.Once@partner.test")).orElseThrow();
        assertThat(factor).isEqualTo(new SecondFactor(user, "sealed-secret", false, TotpSteps.NONE_USED, ENROLLED));
        assertThat(factors().recoveryCodesLeft(user)).isEqualTo(3);
        assertThat(factors().find(new Username("nobody.enrolled@partner.test"))).isEmpty();
        assertThat(factors().recoveryCodesLeft(new Username("nobody.enrolled@partner.test"))).isZero();
    }

    @Test
    void anUnknownUserCannotEnrol() {
        assertThat(factors().enrol(new Username("ghost@partner.test"), "s", HASHES, ENROLLED)).isFalse();
        assertThat(factors().find(new Username("ghost@partner.test"))).isEmpty();
    }

    @Test
    void enrollingAgainReplacesAnUnconfirmedFactorButNeverAConfirmedOne() {
        Username user = user("changes.mind@partner.test");
        factors().enrol(user, "sealed-1", HASHES, ENROLLED);

        assertThat(factors().enrol(user, "sealed-2", List.of(hash('d')), ENROLLED.plusSeconds(60))).isTrue();
        assertThat(factors().find(user).orElseThrow().sealedSecret()).isEqualTo("sealed-2");
        assertThat(factors().recoveryCodesLeft(user)).isEqualTo(1);
        assertThat(factors().confirm(user, "sealed-1", 100)).as("the replaced secret").isFalse();
        assertThat(factors().confirm(user, "sealed-2", 100)).isTrue();

        assertThat(factors().enrol(user, "sealed-3", HASHES, ENROLLED)).isFalse();
        assertThat(factors().find(user).orElseThrow()).extracting(SecondFactor::sealedSecret, SecondFactor::confirmed)
                .containsExactly("sealed-2", true);
        assertThat(factors().recoveryCodesLeft(user)).isEqualTo(1);
    }

    @Test
    void confirmingCountsItsStepAsUsedAndHappensOnce() {
        Username user = user("confirms@partner.test");
        factors().enrol(user, "sealed-1", HASHES, ENROLLED);

        assertThat(factors().confirm(user, "sealed-1", 500)).isTrue();
        assertThat(factors().confirm(user, "sealed-1", 501)).isFalse();

        assertThat(factors().find(user).orElseThrow()).extracting(SecondFactor::confirmed, SecondFactor::lastUsedStep)
                .containsExactly(true, 500L);
    }

    @Test
    void aStepIsUsedOnlyAfterTheLastUsedOneAndOnlyOnAConfirmedFactor() {
        Username pending = user("pending.steps@partner.test");
        factors().enrol(pending, "sealed-1", HASHES, ENROLLED);
        assertThat(factors().useStep(pending, 7)).isFalse();

        Username user = confirmed("uses.steps@partner.test");
        assertThat(factors().useStep(user, 100)).isFalse();
        assertThat(factors().useStep(user, 99)).isFalse();
        assertThat(factors().useStep(user, 101)).isTrue();
        assertThat(factors().useStep(user, 101)).isFalse();
        assertThat(factors().useStep(user, 103)).isTrue();
        assertThat(factors().useStep(user, 102)).isFalse();
        assertThat(factors().find(user).orElseThrow().lastUsedStep()).isEqualTo(103);
        assertThat(factors().useStep(new Username("nobody.at.all@partner.test"), 5)).isFalse();
    }

    @Test
    void ofRequestsUsingOneStepAtOnceOnlyOnePasses() throws Exception {
        Username user = confirmed("parallel.step@partner.test");
        List<Callable<Boolean>> uses = new ArrayList<>(Collections.nCopies(4, () -> factors().useStep(user, 200)));

        assertThat(Concurrently.run(uses)).containsOnlyOnce(true);
    }

    @Test
    void aRecoveryCodeIsUsedOnceAndOnlyOnAConfirmedFactor() {
        Username pending = user("pending.codes@partner.test");
        factors().enrol(pending, "sealed-1", HASHES, ENROLLED);
        assertThat(factors().useRecoveryCode(pending, hash('a'))).isFalse();

        Username user = confirmed("uses.codes@partner.test");
        assertThat(factors().useRecoveryCode(user, hash('b'))).isTrue();
        assertThat(factors().useRecoveryCode(user, hash('b'))).isFalse();
        assertThat(factors().useRecoveryCode(user, hash('z'))).isFalse();
        assertThat(factors().useRecoveryCode(pending, hash('a'))).as("another user's code").isFalse();
        assertThat(factors().recoveryCodesLeft(user)).isEqualTo(2);
    }

    @Test
    void ofRequestsUsingOneRecoveryCodeAtOnceOnlyOnePasses() throws Exception {
        Username user = confirmed("parallel.code@partner.test");
        List<Callable<Boolean>> uses = new ArrayList<>(Collections.nCopies(4, () -> factors().useRecoveryCode(user, hash('c'))));

        assertThat(Concurrently.run(uses)).containsOnlyOnce(true);
    }

    @Test
    void aChallengeTakesAtMostItsAttemptsAndOnlyTheOpenOneCounts() {
        Username user = confirmed("challenged@partner.test");
        factors().openChallenge(user, "first");

        assertThat(factors().takeAttempt(user, "first", 2)).isTrue();
        assertThat(factors().takeAttempt(user, "first", 2)).isTrue();
        assertThat(factors().takeAttempt(user, "first", 2)).isFalse();
        assertThat(factors().takeAttempt(user, "other", 2)).isFalse();

        factors().openChallenge(user, "second");
        assertThat(factors().takeAttempt(user, "first", 2)).as("replaced").isFalse();
        assertThat(factors().takeAttempt(user, "second", 2)).isTrue();
        factors().closeChallenge(user, "first");
        assertThat(factors().takeAttempt(user, "second", 2)).as("closing another leaves it").isTrue();
        factors().closeChallenge(user, "second");
        factors().openChallenge(user, "third");
        factors().closeChallenge(user, "third");
        assertThat(factors().takeAttempt(user, "third", 2)).as("closed").isFalse();
    }

    @Test
    void ofAttemptsTakenAtOnceNoMoreThanTheLimitPass() throws Exception {
        Username user = confirmed("parallel.attempts@partner.test");
        factors().openChallenge(user, "busy");
        List<Callable<Boolean>> attempts = new ArrayList<>(Collections.nCopies(6, () -> factors().takeAttempt(user, "busy", 3)));

        assertThat(Concurrently.run(attempts)).filteredOn(taken -> taken).hasSize(3);
    }

    @Test
    void anUnconfirmedFactorHasNoChallenge() {
        Username user = user("unconfirmed.challenge@partner.test");
        factors().enrol(user, "sealed-1", HASHES, ENROLLED);
        factors().openChallenge(user, "early");

        assertThat(factors().takeAttempt(user, "early", 5)).isFalse();
    }

    @Test
    void removingTheFactorRemovesItsCodes() {
        Username user = confirmed("resets@partner.test");

        assertThat(factors().remove(user)).isTrue();
        assertThat(factors().remove(user)).isFalse();
        assertThat(factors().find(user)).isEmpty();
        assertThat(factors().recoveryCodesLeft(user)).isZero();
        assertThat(factors().enrol(user, "sealed-new", List.of(hash('a')), ENROLLED)).isTrue();
    }

    @Test
    void deletingTheUserDeletesItsFactorAndANamesakeStartsWithout() {
        Username user = confirmed("deleted.user@partner.test");

        assertThat(port(Users.class).remove(user)).isTrue();
        assertThat(factors().find(user)).isEmpty();
        user("deleted.user@partner.test");
        assertThat(factors().find(user)).isEmpty();
        assertThat(factors().recoveryCodesLeft(user)).isZero();
    }

    @Test
    void changesInAUnitOfWorkThatFailsAreUndone() {
        Username user = confirmed("rolled.back.factor@partner.test");

        assertThatThrownBy(() -> inTransaction(() -> {
            assertThat(factors().useStep(user, 300)).isTrue();
            assertThat(factors().useRecoveryCode(user, hash('a'))).isTrue();
            assertThat(factors().remove(user)).isTrue();
            throw new IllegalStateException("the activity record could not be written");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(factors().find(user).orElseThrow().lastUsedStep()).isEqualTo(100);
        assertThat(factors().recoveryCodesLeft(user)).isEqualTo(3);
    }
}
