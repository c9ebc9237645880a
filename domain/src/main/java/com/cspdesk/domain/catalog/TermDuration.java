package com.cspdesk.domain.catalog;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;

/** Length of a subscription, reservation or plan term; perpetual software has {@link #NONE}. */
public enum TermDuration {
    P1Y(1),
    P3Y(3),
    /** Perpetual software: no term; the API shows {@code termDuration: null}. */
    NONE(0);

    private final int years;

    TermDuration(int years) {
        this.years = years;
    }

    /** The API's ISO-8601 code ({@code "P1Y"}, {@code "P3Y"}), empty for {@link #NONE}. */
    public Optional<String> code() {
        return this == NONE ? Optional.empty() : Optional.of(name());
    }

    public static Optional<TermDuration> fromCode(String code) {
        return Arrays.stream(values()).filter(term -> term.code().filter(c -> c.equals(code)).isPresent()).findFirst();
    }

    public boolean hasTerm() {
        return this != NONE;
    }

    public int years() {
        return years;
    }

    /**
     * The first day after the term: the start date plus the years, by the calendar
     * (a term starting on 29 February ends on 28 February).
     */
    public LocalDate endAfter(LocalDate start) {
        requireTerm();
        return start.plusYears(years);
    }

    /** Calendar days of a term starting on {@code start}: 365 or 366 for P1Y, 1095 or 1096 for P3Y. */
    public long daysFrom(LocalDate start) {
        return ChronoUnit.DAYS.between(start, endAfter(start));
    }

    private void requireTerm() {
        if (this == NONE) {
            throw new IllegalStateException("perpetual software has no term");
        }
    }
}
