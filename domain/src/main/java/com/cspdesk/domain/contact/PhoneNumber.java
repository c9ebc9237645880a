package com.cspdesk.domain.contact;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape of a phone number as people write it: 6 to 32 digits, spaces and {@code ( ) . / -},
 * optionally after a leading {@code +} (4255550101, +36 1 234 5678, (425) 555-0101).
 */
public final class PhoneNumber {

    private static final Pattern SHAPE = Pattern.compile("\\+?[0-9 ()./-]{6,32}");

    private PhoneNumber() {
    }

    /** The number without surrounding spaces when it has a phone number's shape; empty otherwise. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String number = text.strip();
        return SHAPE.matcher(number).matches() ? Optional.of(number) : Optional.empty();
    }
}
