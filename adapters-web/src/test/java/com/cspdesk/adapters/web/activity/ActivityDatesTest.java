package com.cspdesk.adapters.web.activity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    /** #14: Partner Center's SDK writes yyyy-MM-DD, DD being the day of the year. */
    @ParameterizedTest
    @CsvSource({"2026-12-335, 2026-12-01", "2026-12-365, 2026-12-31", "2026-02-32, 2026-02-01", "2024-12-366, 2024-12-31",
            "2026-01-31, 2026-01-31", "2026-03-60, 2026-03-01", "2024-02-60, 2024-02-29"})
    void theSdksDayOfYearFormIsReadWhenTheDayLiesInTheMonthNamed(String sent, String meant) {
        assertThat(ActivityDates.parse(sent)).contains(java.time.LocalDate.parse(meant).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-13-01", "2026-11-31", "2026-11-335", "2026-12-366", "2026-12-000",
            "2026-02-31", "2026-12-1234", "21.11.2026", "2026-11-21T25:00:00Z", "1732176000",
            "2026-11-21Z"})
    void anythingElseIsRefused(String text) {
        assertThat(ActivityDates.parse(text)).isEmpty();
    }
}
