package com.cspdesk.domain.market;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A market: the customer's billing country as an ISO 3166-1 alpha-2 code, always uppercase.
 *
 * <p>Valid codes are those of {@link Locale#getISOCountries()} plus {@code XK} (Kosovo), which
 * has no ISO code; XK is the user-assigned code used by Microsoft, the EU and most registries,
 * and the spec lists Kosovo as a market.
 */
public record Market(String code) implements Comparable<Market> {

    /** User-assigned code for Kosovo: not in ISO 3166-1, so not in {@link Locale#getISOCountries()}. */
    public static final String KOSOVO = "XK";

    private static final Set<String> KNOWN_CODES = known();

    public Market {
        Objects.requireNonNull(code, "code");
        code = code.strip().toUpperCase(Locale.ROOT);
        if (!KNOWN_CODES.contains(code)) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country code: " + code);
        }
    }

    /** Parses a code case-insensitively; throws on anything that is not a known country. */
    public static Market of(String code) {
        return new Market(code);
    }

    /** Parses a code case-insensitively; empty when it is not a known country (for input validation). */
    public static Optional<Market> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        return KNOWN_CODES.contains(normalized) ? Optional.of(new Market(normalized)) : Optional.empty();
    }

    /** Whether the code names a market (ISO 3166-1 alpha-2 or XK), ignoring case. */
    public static boolean isKnown(String code) {
        return parse(code).isPresent();
    }

    @Override
    public int compareTo(Market other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }

    private static Set<String> known() {
        Set<String> codes = Arrays.stream(Locale.getISOCountries()).collect(Collectors.toSet());
        codes.add(KOSOVO);
        return Set.copyOf(codes);
    }
}
