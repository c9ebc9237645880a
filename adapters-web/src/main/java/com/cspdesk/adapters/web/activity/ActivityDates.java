package com.cspdesk.adapters.web.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * {@code startDate} and {@code endDate} of the activity log: an ISO-8601 instant
 * ({@code 2026-11-21T08:30:00Z}), a date-time with an offset ({@code …+01:00}) or without one
 * (read as UTC, as Partner Center does), or a date ({@code 2026-11-21}), which means that day's
 * start in UTC — for both ends, so {@code endDate=2026-11-21} ends as 21 November begins.
 */
final class ActivityDates {

    private ActivityDates() {
    }

    /** Empty when the text is none of those forms. */
    static Optional<Instant> parse(String text) {
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
            return Optional.empty();
        }
    }
}
