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
        assertThat(both("tr-TR", "de")).isEqualTo(Locale.forLanguageTag("tr"));
        assertThat(both("xx", "sv")).isEqualTo(Locale.forLanguageTag("sv"));
    }

    @Test
    void malformedHeadersFallBackToEnglishInsteadOfFailing() {
        // "_" became "-", on which Locale.lookupTag threw ArrayIndexOutOfBoundsException (a 500 on every request).
        for (String header : new String[] {"-", "_", "*-", ",", ";;;", "-;q=1", "__,_", "hu;q=", "hu;q=2"}) {
            assertThat(of(header)).as(header).isEqualTo(Locale.ENGLISH);
        }
        assertThat(both("_", "_")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void underscoresAndRegionsAreRead() {
        assertThat(of("hu_HU")).isEqualTo(Locale.forLanguageTag("hu"));
        assertThat(of("de-DE,de;q=0.9")).isEqualTo(Locale.GERMAN);
        assertThat(of("pl-PL;q=0.5,sv;q=0.8")).isEqualTo(Locale.forLanguageTag("sv"));
        assertThat(of("*")).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void aBrokenXLocaleLeavesAcceptLanguageInCharge() {
        assertThat(both("_", "pl")).isEqualTo(Locale.forLanguageTag("pl"));
        assertThat(both("hu_HU", "pl")).isEqualTo(Locale.forLanguageTag("hu"));
    }

    private static Locale both(String xLocale, String acceptLanguage) {
        return SupportedLanguages.of(HttpRequest.GET("/").header("X-Locale", xLocale).header("Accept-Language", acceptLanguage));
    }

    @Test
    void oversizedHeadersDoNotFail() {
        assertThat(of("x".repeat(100_000))).isEqualTo(Locale.ENGLISH);
        assertThat(of("fr;q=0.1,".repeat(5_000) + "tr")).isEqualTo(Locale.forLanguageTag("tr"));
        assertThat(of("_,".repeat(10_000))).isEqualTo(Locale.ENGLISH);
    }

    private static Locale of(String acceptLanguage) {
        return SupportedLanguages.of(HttpRequest.GET("/").header("Accept-Language", acceptLanguage));
    }
}
