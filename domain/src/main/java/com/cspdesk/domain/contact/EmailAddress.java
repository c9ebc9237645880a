package com.cspdesk.domain.contact;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape of an email address: a local part of 1 to 64 characters without spaces or {@code @},
 * an {@code @}, and a dotted domain of letters, digits and hyphens; at most 254 characters in all
 * (RFC 5321's limit on a path), no control characters. A shape only: it proves no mailbox exists.
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private EmailAddress() {
    }

    /** The address without surrounding spaces when it has an email address's shape; empty otherwise. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String address = text.strip();
        return address.length() <= MAX_LENGTH && SHAPE.matcher(address).matches() ? Optional.of(address) : Optional.empty();
    }
}
