package com.cspdesk.domain.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignInThrottleTest {

    private static final Instant LAST = Instant.parse("2026-12-02T10:00:00Z");
    private static final SignInThrottle ACCOUNT = SignInThrottle.PER_ACCOUNT;

    @Test
    void theFreeFailuresCostNothingAndTheNextOnesDoubleTheWaitUpToTheCap() {
        assertThat(ACCOUNT.backOffAfter(0)).isZero();
        assertThat(ACCOUNT.backOffAfter(5)).isZero();
        assertThat(ACCOUNT.backOffAfter(6)).isEqualTo(Duration.ofSeconds(15));
        assertThat(ACCOUNT.backOffAfter(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ACCOUNT.backOffAfter(8)).isEqualTo(Duration.ofMinutes(1));
        assertThat(ACCOUNT.backOffAfter(11)).isEqualTo(Duration.ofMinutes(8));
        assertThat(ACCOUNT.backOffAfter(12)).isEqualTo(Duration.ofMinutes(15));
        assertThat(ACCOUNT.backOffAfter(13)).isEqualTo(Duration.ofMinutes(15));
        assertThat(ACCOUNT.backOffAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anAddressHasTwentyFreeFailuresAndTheSameGrowth() {
        assertThat(SignInThrottle.PER_ADDRESS.backOffAfter(20)).isZero();
        assertThat(SignInThrottle.PER_ADDRESS.backOffAfter(21)).isEqualTo(Duration.ofSeconds(15));
        assertThat(SignInThrottle.PER_ADDRESS.backOffAfter(22)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SignInThrottle.PER_ADDRESS.locksOutAt(21)).isTrue();
        assertThat(SignInThrottle.PER_ADDRESS.locksOutAt(20)).isFalse();
    }

    @Test
    void noFailuresOrFreeOnesNeverWait() {
        assertThat(ACCOUNT.waitBefore(Optional.empty(), LAST)).isEmpty();
        assertThat(ACCOUNT.waitBefore(Optional.of(new FailedSignIns(5, LAST)), LAST)).isEmpty();
    }

    @Test
    void anAttemptWaitsUntilTheBackOffHasPassedToTheInstant() {
        Optional<FailedSignIns> six = Optional.of(new FailedSignIns(6, LAST));
        assertThat(ACCOUNT.waitBefore(six, LAST)).contains(Duration.ofSeconds(15));
        assertThat(ACCOUNT.waitBefore(six, LAST.plusSeconds(14).plusMillis(999))).contains(Duration.ofMillis(1));
        assertThat(ACCOUNT.waitBefore(six, LAST.plusSeconds(15))).isEmpty();
        assertThat(ACCOUNT.waitBefore(Optional.of(new FailedSignIns(40, LAST)), LAST.plusSeconds(60)))
                .contains(Duration.ofMinutes(14));
    }

    @Test
    void failuresAreForgottenAfterTheMemoryToTheInstant() {
        FailedSignIns many = new FailedSignIns(40, LAST);
        assertThat(ACCOUNT.forgotten(many, LAST.plus(Duration.ofHours(24)).minusNanos(1))).isFalse();
        assertThat(ACCOUNT.forgotten(many, LAST.plus(Duration.ofHours(24)))).isTrue();
        assertThat(ACCOUNT.forgetsBefore(LAST.plus(Duration.ofHours(24)))).isEqualTo(LAST);
        assertThat(SignInThrottle.PER_ADDRESS.forgotten(many, LAST.plus(Duration.ofHours(1)))).isTrue();
        // A clock that went back (another instance's) is not a reason to forget.
        assertThat(ACCOUNT.forgotten(many, LAST.minusSeconds(1))).isFalse();
        assertThat(ACCOUNT.waitBefore(Optional.of(many), LAST.minusSeconds(1))).contains(Duration.ofSeconds(901));
    }

    @Test
    void theLockOutStartsWithTheFirstFailureThatIsNotFree() {
        assertThat(ACCOUNT.locksOutAt(5)).isFalse();
        assertThat(ACCOUNT.locksOutAt(6)).isTrue();
        assertThat(ACCOUNT.locksOutAt(7)).isFalse();
    }

    @Test
    void aThrottleIsMadeOfSensibleNumbers() {
        Duration s = Duration.ofSeconds(1);
        assertThatThrownBy(() -> new SignInThrottle(-1, s, s, s)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInThrottle(0, Duration.ZERO, s, s)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInThrottle(0, s.multipliedBy(2), s, s.multipliedBy(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInThrottle(0, s, s.multipliedBy(2), s)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailedSignIns(0, LAST)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new SignInThrottle(0, s, s, s).backOffAfter(1)).isEqualTo(s);
    }
}
