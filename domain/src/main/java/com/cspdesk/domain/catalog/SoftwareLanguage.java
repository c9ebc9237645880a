package com.cspdesk.domain.catalog;

import java.util.Arrays;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Spec "Activate and manage software subscriptions" step 2: the language of a download, as a BCP-47 tag
 * ({@code "en-US"}, {@code "de-DE"}, {@code "hu-HU"}, {@code "es-419"}), kept in canonical case.
 *
 * <p>The language must be an ISO 639 language the JDK knows; the region, when present, an ISO 3166
 * country or a three-digit UN M.49 region.
 */
public record SoftwareLanguage(String tag) {

    private static final Set<String> LANGUAGES = Arrays.stream(Locale.getISOLanguages()).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> COUNTRIES = Arrays.stream(Locale.getISOCountries()).collect(Collectors.toUnmodifiableSet());

    public SoftwareLanguage {
        Objects.requireNonNull(tag, "tag");
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("not a BCP-47 language tag: " + tag, e);
        }
        if (!LANGUAGES.contains(locale.getLanguage())) {
            throw new IllegalArgumentException("not a known language: " + tag);
        }
        String region = locale.getCountry();
        if (!region.isEmpty() && !COUNTRIES.contains(region) && !region.matches("\\d{3}")) {
            throw new IllegalArgumentException("not a known region: " + tag);
        }
        tag = locale.toLanguageTag();
    }

    public static SoftwareLanguage of(String tag) {
        return new SoftwareLanguage(tag);
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    @Override
    public String toString() {
        return tag;
    }
}
