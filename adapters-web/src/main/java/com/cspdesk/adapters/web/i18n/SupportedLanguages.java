package com.cspdesk.adapters.web.i18n;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;

import java.util.List;
import java.util.Locale;

/**
 * The six languages of the product (the seed documents' languages): English first, the
 * fallback. The caller's choice comes from {@code X-Locale} (as Partner Center does) or
 * {@code Accept-Language}.
 */
public final class SupportedLanguages {

    public static final List<Locale> ALL = List.of(
            Locale.ENGLISH, Locale.GERMAN, Locale.forLanguageTag("hu"), Locale.forLanguageTag("pl"),
            Locale.forLanguageTag("sv"), Locale.forLanguageTag("tr"));

    private static final List<String> TAGS = ALL.stream().map(Locale::getLanguage).toList();

    private SupportedLanguages() {
    }

    public static Locale of(HttpRequest<?> request) {
        String explicit = request.getHeaders().get("X-Locale");
        if (explicit != null && !explicit.isBlank()) {
            Locale chosen = best(explicit);
            if (chosen != null) {
                return chosen;
            }
        }
        String accepted = request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE);
        Locale chosen = accepted == null ? null : best(accepted);
        return chosen == null ? Locale.ENGLISH : chosen;
    }

    private static Locale best(String header) {
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header.replace('_', '-'));
            String tag = Locale.lookupTag(ranges, TAGS);
            return tag == null ? null : Locale.forLanguageTag(tag);
        } catch (RuntimeException malformed) {
            // Not only IllegalArgumentException: lookupTag throws ArrayIndexOutOfBoundsException on "_" (→ "-").
            // A header the caller got wrong never fails the request; English is the fallback.
            return null;
        }
    }
}
