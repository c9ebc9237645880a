package com.cspdesk.domain.webhooks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryRetryPolicyTest {

    private static final Instant FIRST = Instant.parse("2026-12-03T10:00:00Z");

    @ParameterizedTest(name = "after attempt {0}: {1} s without jitter")
    @CsvSource({"1, 5", "2, 10", "3, 20", "4, 40", "5, 80", "6, 160", "7, 320", "8, 640", "9, 1280", "10, 2560",
            "11, 3600", "12, 3600", "40, 3600", "1000, 3600"})
    void delaysDoubleFromFiveSecondsUpToAnHour(int attempts, long seconds) {
        // jitter 0.5 is the middle of the range: factor 1.0.
        assertThat(DeliveryRetryPolicy.delay(attempts, 0.5)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void jitterScalesTheDelayBetweenThreeAndFiveQuarters() {
        assertThat(DeliveryRetryPolicy.delay(1, 0.0)).isEqualTo(Duration.ofMillis(3750));
        assertThat(DeliveryRetryPolicy.delay(1, 0.999_999)).isBetween(Duration.ofMillis(6249), Duration.ofMillis(6250));
        assertThat(DeliveryRetryPolicy.delay(30, 0.0)).isEqualTo(Duration.ofMinutes(45));
        assertThat(DeliveryRetryPolicy.delay(30, 0.999_999)).isLessThanOrEqualTo(Duration.ofMinutes(75));
    }

    @Test
    void theNextAttemptIsTheDelayAfterTheFailure() {
        Instant failed = FIRST.plusSeconds(30);
        assertThat(DeliveryRetryPolicy.nextAttempt(3, FIRST, failed, 0.5)).contains(failed.plusSeconds(20));
    }

    @Test
    void aDeliveryIsRetriedUntilTwentyFourHoursAfterItsFirstAttemptAndGivenUpAtThatInstant() {
        Instant justBefore = FIRST.plus(DeliveryRetryPolicy.RETRY_FOR).minusNanos(1000);
        assertThat(DeliveryRetryPolicy.nextAttempt(30, FIRST, justBefore, 0.5)).contains(justBefore.plus(Duration.ofHours(1)));
        assertThat(DeliveryRetryPolicy.nextAttempt(30, FIRST, FIRST.plus(DeliveryRetryPolicy.RETRY_FOR), 0.5)).isEmpty();
        assertThat(DeliveryRetryPolicy.nextAttempt(30, FIRST, FIRST.plus(Duration.ofDays(3)), 0.5)).isEmpty();
    }

    @Test
    void theScheduleKeepsTryingForAtLeastADayWhateverTheJitter() {
        for (double jitter : new double[]{0.0, 0.5, 0.999_999}) {
            Instant at = FIRST;
            int attempts = 1;
            Optional<Instant> next = DeliveryRetryPolicy.nextAttempt(attempts, FIRST, at, jitter);
            while (next.isPresent()) {
                at = next.get();
                attempts++;
                next = DeliveryRetryPolicy.nextAttempt(attempts, FIRST, at, jitter);
            }
            assertThat(at).as("last attempt, jitter %s", jitter).isAfterOrEqualTo(FIRST.plus(DeliveryRetryPolicy.RETRY_FOR));
            assertThat(at).isBefore(FIRST.plus(DeliveryRetryPolicy.RETRY_FOR).plus(Duration.ofMinutes(76)));
            assertThat(attempts).isBetween(25, 45);
        }
    }

    @Test
    void nonsenseInputIsRefused() {
        assertThatThrownBy(() -> DeliveryRetryPolicy.nextAttempt(0, FIRST, FIRST, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryRetryPolicy.nextAttempt(1, FIRST, FIRST, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeliveryRetryPolicy.nextAttempt(1, FIRST, FIRST, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRegistrationFailingForFiveDaysIsSwitchedOffAtThatInstantNotBefore() {
        Instant since = FIRST;
        assertThat(DeliveryRetryPolicy.disables(since, since)).isFalse();
        assertThat(DeliveryRetryPolicy.disables(since, since.plus(Duration.ofDays(5)).minusNanos(1000))).isFalse();
        assertThat(DeliveryRetryPolicy.disables(since, since.plus(Duration.ofDays(5)))).isTrue();
        assertThat(DeliveryRetryPolicy.disables(since, since.plus(Duration.ofDays(9)))).isTrue();
    }
}
