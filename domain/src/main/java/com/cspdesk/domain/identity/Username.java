package com.cspdesk.domain.identity;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A sign-in name: a user principal name such as {@code admin.agent@contoso.example} or a plain
 * name. Case-insensitive, so it is kept in lower case.
 */
public record Username(String value) {

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9._@+-]{2,127}");

    public Username {
        Objects.requireNonNull(value, "username");
        value = value.strip().toLowerCase(Locale.ROOT);
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "A username is 3 to 128 letters, digits or . _ @ + - and starts with a letter or digit");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && ALLOWED.matcher(candidate.strip().toLowerCase(Locale.ROOT)).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
