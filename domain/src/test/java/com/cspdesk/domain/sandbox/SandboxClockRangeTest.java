package com.cspdesk.domain.sandbox;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxClockRangeTest {

    private static final Instant REAL_NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final Duration ONE_NANO = Duration.ofNanos(1);

    @Test
    void theBoundIsAHundredYearsAndTheLastSecondOfADatetime() {
        assertThat(SandboxClockRange.MOST_AHEAD).isEqualTo(Duration.ofDays(100 * 365 + 25));
        assertThat(SandboxClockRange.LATEST).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    }

    @Test
    void exactlyAHundredYearsAheadIsAllowedAndOneNanosecondMoreIsNot() {
        assertThat(SandboxClockRange.allows(REAL_NOW, SandboxClockRange.MOST_AHEAD)).isTrue();
        assertThat(SandboxClockRange.allows(REAL_NOW, SandboxClockRange.MOST_AHEAD.plus(ONE_NANO))).isFalse();
        // 36,525 days: a day past the calendar century here, as 2100 is no leap year.
        assertThat(SandboxClockRange.latestAt(REAL_NOW)).isEqualTo(Instant.parse("2126-12-03T09:00:00Z"));
    }

    @Test
    void realTimeItselfAndTheBackAreNotThisRulesBusiness() {
        assertThat(SandboxClockRange.allows(REAL_NOW, Duration.ZERO)).isTrue();
        assertThat(SandboxClockRange.allows(REAL_NOW, Duration.ofDays(-1))).isTrue();
    }

    @Test
    void nearTheYear9999TheLastSecondOfADatetimeBoundsItInstead() {
        Instant lastWithAFullCentury = SandboxClockRange.LATEST.minus(SandboxClockRange.MOST_AHEAD);
        assertThat(SandboxClockRange.latestAt(lastWithAFullCentury)).isEqualTo(SandboxClockRange.LATEST);
        assertThat(SandboxClockRange.latestAt(lastWithAFullCentury.plus(ONE_NANO))).isEqualTo(SandboxClockRange.LATEST);
        assertThat(SandboxClockRange.latestAt(lastWithAFullCentury.minus(ONE_NANO)))
                .isEqualTo(SandboxClockRange.LATEST.minus(ONE_NANO));

        Instant year9950 = Instant.parse("9950-01-01T00:00:00Z");
        Duration toTheLastSecond = Duration.between(year9950, SandboxClockRange.LATEST);
        assertThat(toTheLastSecond).isLessThan(SandboxClockRange.MOST_AHEAD);
        assertThat(SandboxClockRange.allows(year9950, toTheLastSecond)).isTrue();
        assertThat(SandboxClockRange.allows(year9950, toTheLastSecond.plus(ONE_NANO))).isFalse();
        assertThat(SandboxClockRange.latestAt(year9950)).isEqualTo(SandboxClockRange.LATEST);
    }

    @Test
    void anAdvanceMayReachTheBoundFromWhereTheClockIsButNotPassIt() {
        Duration offset = Duration.ofDays(61);
        Duration rest = SandboxClockRange.MOST_AHEAD.minus(offset);
        assertThat(SandboxClockRange.allowsAdvance(REAL_NOW, offset, rest)).isTrue();
        assertThat(SandboxClockRange.allowsAdvance(REAL_NOW, offset, rest.plus(ONE_NANO))).isFalse();
        assertThat(SandboxClockRange.allowsAdvance(REAL_NOW, offset, Duration.ZERO)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"P999999999D", "PT9223372036854775807S", "PT2562047788015215H"})
    void anyAdvanceAnIsoDurationCanNameIsAnsweredWithoutOverflowing(String huge) {
        Duration step = Duration.parse(huge);
        assertThat(SandboxClockRange.allowsAdvance(REAL_NOW, Duration.ofDays(61), step)).isFalse();
        assertThat(SandboxClockRange.allowsAdvance(REAL_NOW, SandboxClockRange.MOST_AHEAD, step)).isFalse();
    }

    @Test
    void nearTheYear9999AnAdvanceIsBoundedByTheLastSecondToo() {
        Instant year9950 = Instant.parse("9950-01-01T00:00:00Z");
        Duration toTheLastSecond = Duration.between(year9950, SandboxClockRange.LATEST);
        assertThat(SandboxClockRange.allowsAdvance(year9950, Duration.ZERO, toTheLastSecond)).isTrue();
        assertThat(SandboxClockRange.allowsAdvance(year9950, Duration.ZERO, toTheLastSecond.plus(ONE_NANO))).isFalse();
    }
}
