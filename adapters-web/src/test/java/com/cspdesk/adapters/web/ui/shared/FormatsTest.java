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
        assertThat(new Formats(Locale.ENGLISH).money(huf)).isEqualTo("HUF488,746.80");
        assertThat(nbsp(new Formats(Locale.forLanguageTag("hu")).money(huf))).isEqualTo("488 746,80 Ft");
        assertThat(nbsp(new Formats(Locale.GERMAN).money(eur))).isEqualTo("1.787,37 €");
        assertThat(nbsp(new Formats(Locale.forLanguageTag("sv")).money(eur))).isEqualTo("1 787,37 €");
        assertThat(nbsp(new Formats(Locale.forLanguageTag("pl")).money(eur))).isEqualTo("1 787,37 €");
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
    }

    /** The JDK writes narrow and ordinary no-break spaces; compare with plain ones. */
    private static String nbsp(String text) {
        return text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }
}
