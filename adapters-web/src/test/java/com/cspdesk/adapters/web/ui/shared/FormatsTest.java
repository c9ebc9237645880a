package com.cspdesk.adapters.web.ui.shared;

import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Money, dates and names as each of the six languages writes them. */
class FormatsTest {

    private static final Instant WHEN = Instant.parse("2026-11-21T16:05:00Z");

    @Test
    void moneyFollowsTheReadersLanguageAndTheCurrencysMinorUnit() {
        Money huf = Money.of("488746.80", "HUF");
        Money eur = Money.of("1787.37", "EUR");
        // CLDR's currency spacing: a code written as letters stands apart from the digits (the JDK wrote HUF488,746.80).
        assertThat(nbsp(new Formats(Locale.ENGLISH).money(huf))).isEqualTo("HUF 488,746.80");
        assertThat(nbsp(new Formats(Locale.forLanguageTag("tr")).money(huf))).isEqualTo("HUF 488.746,80");
        assertThat(nbsp(new Formats(Locale.forLanguageTag("pl")).money(Money.of("99.90", "PLN")))).isEqualTo("99,90 zł");
        assertThat(nbsp(new Formats(Locale.forLanguageTag("sv")).money(Money.of("99.90", "SEK")))).isEqualTo("99,90 kr");
        assertThat(new Formats(Locale.forLanguageTag("tr")).money(Money.of("99.90", "TRY"))).isEqualTo("₺99,90");
        assertThat(nbsp(new Formats(Locale.forLanguageTag("hu")).money(huf))).isEqualTo("488 746,80 Ft");
        assertThat(nbsp(new Formats(Locale.GERMAN).money(eur))).isEqualTo("1.787,37 €");
        assertThat(nbsp(new Formats(Locale.forLanguageTag("sv")).money(eur))).isEqualTo("1 787,37 €");
        // CLDR groups Polish thousands from five digits on (minimumGroupingDigits 2): 1787,37 but 12 345,00.
        assertThat(nbsp(new Formats(Locale.forLanguageTag("pl")).money(eur))).isEqualTo("1787,37 €");
        assertThat(nbsp(new Formats(Locale.forLanguageTag("pl")).money(Money.of("12345", "EUR")))).isEqualTo("12 345,00 €");
        assertThat(nbsp(new Formats(Locale.forLanguageTag("tr")).money(eur))).isEqualTo("€1.787,37");
        assertThat(new Formats(Locale.ENGLISH).money(Money.of("12", "JPY"))).isEqualTo("¥12");
    }

    @Test
    void datesAreLocalisedAndTimesSayUtc() {
        assertThat(new Formats(Locale.ENGLISH).date(WHEN)).isEqualTo("Nov 21, 2026");
        assertThat(new Formats(Locale.forLanguageTag("hu")).date(WHEN)).isEqualTo("2026. nov. 21.");
        assertThat(new Formats(Locale.GERMAN).date(WHEN)).isEqualTo("21.11.2026");
        assertThat(nbsp(new Formats(Locale.ENGLISH).dateTime(WHEN))).isEqualTo("Nov 21, 2026, 4:05 PM UTC");
        assertThat(new Formats(Locale.GERMAN).iso(WHEN)).isEqualTo("2026-11-21");
        assertThat(new Formats(Locale.forLanguageTag("hu")).month(YearMonth.of(2026, 11))).isEqualTo("November 2026");
        assertThat(new Formats(Locale.GERMAN).month(YearMonth.of(2026, 3))).isEqualTo("März 2026");
    }

    @Test
    void countriesLanguagesAndPercentagesAreNamedInTheReadersLanguage() {
        assertThat(new Formats(Locale.forLanguageTag("hu")).country(Market.of("GL"))).isEqualTo("Grönland");
        assertThat(new Formats(Locale.GERMAN).country(Market.of("HU"))).isEqualTo("Ungarn");
        assertThat(new Formats(Locale.ENGLISH).language("de-DE")).isEqualTo("German (Germany)");
        assertThat(new Formats(Locale.forLanguageTag("hu")).language("en-US")).isEqualTo("Angol (Egyesült Államok)");
        assertThat(new Formats(Locale.ENGLISH).percent(new BigDecimal("0.27"))).isEqualTo("27%");
        assertThat(nbsp(new Formats(Locale.GERMAN).percent(new BigDecimal("0.19")))).isEqualTo("19 %");
        assertThat(new Formats(Locale.forLanguageTag("tr")).percent(new BigDecimal("0.20"))).isEqualTo("%20");
        assertThat(nbsp(new Formats(Locale.forLanguageTag("hu")).number(1234567))).isEqualTo("1 234 567");
    }

    @Test
    void countryListsAreInTheReadersAlphabeticalOrder() {
        // German sorts Ö with O (Österreich after Oman, not after Zypern); Swedish puts Å, Ä, Ö after Z;
        // Turkish puts Ç after C.
        java.util.List<String> german = names(new Formats(Locale.GERMAN));
        assertThat(german.indexOf("Österreich")).isEqualTo(german.indexOf("Oman") + 1);
        assertThat(german.get(german.size() - 1)).isEqualTo("Zypern");
        java.util.List<String> swedish = names(new Formats(Locale.forLanguageTag("sv")));
        assertThat(swedish.indexOf("Österrike")).isGreaterThan(swedish.indexOf("Zimbabwe"));
        java.util.List<String> turkish = names(new Formats(Locale.forLanguageTag("tr")));
        assertThat(turkish.indexOf("Çin")).isGreaterThan(turkish.indexOf("Cezayir")).isLessThan(turkish.indexOf("Danimarka"));
        assertThat(new Formats(Locale.GERMAN).countries()).hasSize(Locale.getISOCountries().length)
                .contains(java.util.Map.entry("AT", "Österreich"));
    }

    private static java.util.List<String> names(Formats formats) {
        return formats.countries().stream().map(java.util.Map.Entry::getValue).toList();
    }

    /** The JDK writes narrow and ordinary no-break spaces; compare with plain ones. */
    private static String nbsp(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
