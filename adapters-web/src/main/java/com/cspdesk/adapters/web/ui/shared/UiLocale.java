package com.cspdesk.adapters.web.ui.shared;

import com.cspdesk.adapters.web.i18n.SupportedLanguages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;

import java.util.Locale;
import java.util.Optional;

/**
 * The dashboard's language: the one chosen with the switcher (cookie {@value #COOKIE}) when it is
 * one of the six, otherwise the browser's ({@code Accept-Language}, as the JSON API reads it).
 */
public final class UiLocale {

    public static final String COOKIE = "lang";

    private UiLocale() {
    }

    public static Locale of(HttpRequest<?> request) {
        return chosen(request).orElseGet(() -> SupportedLanguages.of(request));
    }

    public static Optional<Locale> chosen(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).flatMap(UiLocale::supported);
    }

    /** The supported language with that tag ({@code hu}, {@code HU}, {@code hu-HU}), if any. */
    public static Optional<Locale> supported(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 16) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return SupportedLanguages.ALL.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst();
    }
}
