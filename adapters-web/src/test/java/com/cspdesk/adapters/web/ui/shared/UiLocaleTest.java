package com.cspdesk.adapters.web.ui.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The page's language: the switcher's cookie, else the browser's, else English — whatever the headers hold. */
class UiLocaleTest {

    @Test
    void theSwitchersChoiceWinsOverTheBrowser() {
        MutableHttpRequest<?> request = HttpRequest.GET("/ui/customers").header("Accept-Language", "de-DE,de;q=0.9");
        assertThat(UiLocale.of(request)).isEqualTo(Locale.GERMAN);
        request.cookie(Cookie.of(UiLocale.COOKIE, "hu"));
        assertThat(UiLocale.of(request).getLanguage()).isEqualTo("hu");
    }

    @Test
    void unknownOrBrokenLanguagesFallBackToEnglish() {
        assertThat(UiLocale.of(HttpRequest.GET("/ui").header("Accept-Language", "fr-FR"))).isEqualTo(Locale.ENGLISH);
        assertThat(UiLocale.of(HttpRequest.GET("/ui").header("Accept-Language", "_"))).isEqualTo(Locale.ENGLISH);
        assertThat(UiLocale.of(HttpRequest.GET("/ui").header("Accept-Language", ";;;"))).isEqualTo(Locale.ENGLISH);
        assertThat(UiLocale.of(HttpRequest.GET("/ui").cookie(Cookie.of(UiLocale.COOKIE, "xx")))).isEqualTo(Locale.ENGLISH);
        assertThat(UiLocale.supported("sv-SE")).contains(Locale.forLanguageTag("sv"));
        assertThat(UiLocale.supported("klingon-language-tag-too-long")).isEmpty();
    }
}
