package com.cspdesk.domain.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * api.md "Users": weak passwords are refused. A password is strong enough when it is at least
 * 12 characters long, mixes at least three of lower case, upper case, digits and symbols, does
 * not contain the username, and is not one of the well-known passwords.
 */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 12;
    public static final int MAXIMUM_LENGTH = 256;

    /** Why a password is refused; the code is stable and shown to API callers. */
    public enum Weakness {
        TOO_SHORT("password_too_short"),
        TOO_LONG("password_too_long"),
        TOO_FEW_CHARACTER_CLASSES("password_too_simple"),
        CONTAINS_USERNAME("password_contains_username"),
        WELL_KNOWN("password_well_known");

        private final String code;

        Weakness(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    // The start of every public breach list; anything longer belongs in a real breach check.
    private static final Set<String> WELL_KNOWN = Set.of(
            "password1234", "password12345", "password123456", "passw0rd1234", "123456789012",
            "qwertyuiop12", "qwerty123456", "iloveyou1234", "welcome12345", "administrator",
            "administrator1", "letmein12345", "changeme1234", "p@ssw0rd1234", "p@ssword1234",
            "welcome@1234", "admin@123456", "password@123", "password!234");

    public Optional<Weakness> weakness(String password, Username username) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            return Optional.of(Weakness.TOO_SHORT);
        }
        if (password.length() > MAXIMUM_LENGTH) {
            return Optional.of(Weakness.TOO_LONG);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (WELL_KNOWN.contains(lower)) {
            return Optional.of(Weakness.WELL_KNOWN);
        }
        String localPart = username.value().split("@", 2)[0];
        if (localPart.length() >= 3 && lower.contains(localPart)) {
            return Optional.of(Weakness.CONTAINS_USERNAME);
        }
        if (characterClasses(password) < 3) {
            return Optional.of(Weakness.TOO_FEW_CHARACTER_CLASSES);
        }
        return Optional.empty();
    }

    private static int characterClasses(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                symbol = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }
}
