package com.cspdesk.domain.customer;

import com.cspdesk.domain.market.Market;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer's culture as Partner Center takes it (Microsoft Learn, "Create a customer": the
 * preferred culture for communication and currency, such as {@code en-US}): an ISO 639-1 language
 * and a country or region, joined by a hyphen. Read in any case ({@code EN-US}, as Partner Center's
 * own samples send it), written {@code en-US}.
 */
public final class Culture {

    private static final Pattern SHAPE = Pattern.compile("([A-Za-z]{2})-([A-Za-z]{2})");

    private Culture() {
    }

    /** The culture written as {@code en-US}; empty when it is not a known language and a known country. */
    public static Optional<String> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher parts = SHAPE.matcher(text.strip());
        if (!parts.matches()) {
            return Optional.empty();
        }
        return Language.parse(parts.group(1)).flatMap(language -> Market.parse(parts.group(2))
                .map(region -> language + "-" + region.code().toUpperCase(Locale.ROOT)));
    }
}
