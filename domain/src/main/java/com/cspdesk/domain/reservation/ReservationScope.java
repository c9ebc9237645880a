package com.cspdesk.domain.reservation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an Azure reservation's discount applies: every subscription of the customer's billing context
 * ({@link #SHARED}), or one resource group of one subscription ({@link #SINGLE}). {@link #code()} is the
 * API's value; Partner Center accepts either casing ({@code "Shared"}, {@code "shared"}), so does {@link #parse}.
 */
public enum ReservationScope {
    SHARED("shared"),
    SINGLE("single");

    private final String code;

    ReservationScope(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The scope named by {@code value}, ignoring case and surrounding blanks; empty for anything else. */
    public static Optional<ReservationScope> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(scope -> scope.code.equals(wanted)).findFirst();
    }
}
