package com.cspdesk.application.shared;

import com.cspdesk.application.shared.port.in.InvalidContinuationToken;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset tokens: the sort key of the last item seen, encoded so callers treat it as a
 * string. A token names its kind, so one made for customers is refused for orders.
 */
public final class ContinuationTokens {

    private static final char SEPARATOR = '\u001f';

    private ContinuationTokens() {
    }

    public static String encode(String kind, String... values) {
        StringBuilder raw = new StringBuilder(kind);
        for (String value : values) {
            raw.append(SEPARATOR).append(value);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The values of a token of this kind and arity; {@link InvalidContinuationToken} otherwise. */
    public static List<String> decode(String kind, int arity, String token) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidContinuationToken();
        }
        List<String> parts = new ArrayList<>(List.of(raw.split(String.valueOf(SEPARATOR), -1)));
        if (parts.size() != arity + 1 || !parts.remove(0).equals(kind)) {
            throw new InvalidContinuationToken();
        }
        return parts;
    }
}
