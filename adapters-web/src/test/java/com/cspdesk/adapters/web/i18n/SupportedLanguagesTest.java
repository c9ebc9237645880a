package com.cspdesk.adapters.web.i18n;

import io.micronaut.http.HttpRequest;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class SupportedLanguagesTest {

    @Test
    void picksTheBestSupportedLanguage() {
        assertThat(of("hu-HU,hu;q=0.9,en;q=0.8")).isEqualTo(Locale.forLanguageTag("hu"));
        assertThat(of("fr-FR,fr;q=0.9,de;q=0.5")).isEqualTo(Locale.GERMAN);
        assertThat(of("ja")).isEqualTo(Locale.ENGLISH);
        assertThat(of(";;;garbage")).isEqualTo(Locale.ENGLISH);
        assertThat(SupportedLanguages.of(HttpRequest.GET("/"))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void xLocaleWinsOverAcceptLanguage() {
        assertThat(SupportedLanguages.of(HttpRequest.GET("/").header("X-Locale", "tr-TR").header("Accept-Language", "de")))
                .isEqualTo(Locale.forLanguageTag("tr"));
        assertThat(SupportedLanguages.of(HttpRequest.GET("/").header("X-Locale", "xx").header("Accept-Language", "sv")))
                .isEqualTo(Locale.forLanguageTag("sv"));
    }

    private static Locale of(String acceptLanguage) {
        return SupportedLanguages.of(HttpRequest.GET("/").header("Accept-Language", acceptLanguage));
    }
}
