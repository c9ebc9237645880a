package com.cspdesk.adapters.web.activity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ActivityDatesTest {

    @Test
    void anInstantIsTakenAsIs() {
        assertThat(ActivityDates.parse("2026-11-21T08:30:15.123Z")).contains(Instant.parse("2026-11-21T08:30:15.123Z"));
    }

    @Test
    void anOffsetIsTurnedIntoUtc() {
        assertThat(ActivityDates.parse("2026-11-21T09:30:00+01:00")).contains(Instant.parse("2026-11-21T08:30:00Z"));
    }

    @Test
    void aDateTimeWithoutOffsetIsUtc() {
        assertThat(ActivityDates.parse("2026-11-21T08:30:00")).contains(Instant.parse("2026-11-21T08:30:00Z"));
    }

    @Test
    void aDateIsThatDaysStartInUtc() {
        assertThat(ActivityDates.parse(" 2026-11-21 ")).contains(Instant.parse("2026-11-21T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-13-01", "2026-11-31", "21.11.2026", "2026-11-21T25:00:00Z", "1732176000",
            "2026-11-21Z"})
    void anythingElseIsRefused(String text) {
        assertThat(ActivityDates.parse(text)).isEmpty();
    }
}
