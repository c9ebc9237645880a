package com.cspdesk.domain.customer;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A customer's default language as Partner Center takes it: a two-letter ISO 639-1 code such as
 * {@code en} or {@code fr}. Read in any case ({@code En}), written in lower case.
 */
public final class Language {

    private static final Set<String> KNOWN = Arrays.stream(Locale.getISOLanguages()).collect(Collectors.toUnmodifiableSet());

    private Language() {
    }

    /** The code in lower case; empty when it is not a two-letter ISO 639-1 code. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = text.strip().toLowerCase(Locale.ROOT);
        return code.length() == 2 && KNOWN.contains(code) ? Optional.of(code) : Optional.empty();
    }
}
