package com.cspdesk.adapters.web.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code startDate} and {@code endDate} of the activity log: an ISO-8601 instant
 * ({@code 2026-11-21T08:30:00Z}), a date-time with an offset ({@code …+01:00}) or without one
 * (read as UTC, as Partner Center does), or a date ({@code 2026-11-21}), which means that day's
 * start in UTC — for both ends, so {@code endDate=2026-11-21} ends as 21 November begins. Also the
 * form Partner Center's SDK sends ({@code yyyy-MM-DD}, where {@code DD} is the day of the year:
 * {@code 2026-12-335} for 1 December), taken when the day of the year falls in the month it names —
 * from February on, no day of the year is also a day of its month, and in January the two agree.
 */
public final class ActivityDates {

    private static final Pattern DAY_OF_YEAR = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2,3})");

    private ActivityDates() {
    }

    /** Empty when the text is none of those forms. */
    public static Optional<Instant> parse(String text) {
        String value = text.strip();
        if (value.isEmpty() || value.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value));
        } catch (DateTimeParseException notAnInstant) {
            // try the next form
        }
        try {
            return Optional.of(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notWithOffset) {
            // try the next form
        }
        try {
            return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notLocal) {
            // try the next form
        }
        try {
            return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException notADate) {
            return dayOfYear(value).map(date -> date.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
    }

    /** {@code yyyy-MM-DD} with the day of the year, when that day lies in the month named. */
    private static Optional<LocalDate> dayOfYear(String value) {
        Matcher parts = DAY_OF_YEAR.matcher(value);
        if (!parts.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(parts.group(1));
        int month = Integer.parseInt(parts.group(2));
        int day = Integer.parseInt(parts.group(3));
        if (day < 1 || day > Year.of(year).length()) {
            return Optional.empty();
        }
        LocalDate date = LocalDate.ofYearDay(year, day);
        return date.getMonthValue() == month ? Optional.of(date) : Optional.empty();
    }
}
