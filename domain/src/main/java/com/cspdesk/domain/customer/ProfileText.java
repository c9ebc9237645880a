package com.cspdesk.domain.customer;

import java.util.Optional;

/**
 * Free text of a customer's profile (company name, contact names, address lines): without
 * surrounding spaces, 1 to a field's maximum of characters, no control characters. Blank text is
 * text not given, which an optional field may be.
 */
public final class ProfileText {

    private ProfileText() {
    }

    /** Whether the caller gave any text at all (null and blank are "not given"). */
    public static boolean given(String text) {
        return text != null && !text.isBlank();
    }

    /** The text stripped when it is 1 to {@code maxLength} characters without control characters; empty otherwise. */
    public static Optional<String> of(String text, int maxLength) {
        if (text == null) {
            return Optional.empty();
        }
        String stripped = text.strip();
        if (stripped.isEmpty() || stripped.length() > maxLength || stripped.chars().anyMatch(Character::isISOControl)) {
            return Optional.empty();
        }
        return Optional.of(stripped);
    }
}
