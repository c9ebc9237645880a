package com.cspdesk.adapters.web.invoices;

import com.cspdesk.domain.money.Money;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceFormatsTest {

    @Test
    void moneyFollowsTheCallersLanguageWithTheCurrencysDigits() {
        Money eur = Money.of("1234.5", "EUR");
        assertThat(new InvoiceFormats(Locale.ENGLISH).money(eur)).isEqualTo("€1,234.50");
        assertThat(new InvoiceFormats(Locale.GERMAN).money(eur)).isEqualTo("1.234,50\u00A0€");
        assertThat(new InvoiceFormats(Locale.ENGLISH).money(Money.of("-1787.37", "AUD"))).isEqualTo("-A$1,787.37");
        assertThat(new InvoiceFormats(Locale.forLanguageTag("hu")).money(Money.of("100", "HUF")))
                .isEqualTo("100,00\u00A0Ft");
        assertThat(new InvoiceFormats(Locale.ENGLISH).money(Money.of("5", "JPY"))).isEqualTo("¥5");
        assertThat(new InvoiceFormats(Locale.forLanguageTag("sv")).money(Money.of("1234.50", "SEK")))
                .doesNotContain("\u202F").contains("1\u00A0234,50");
    }

    @Test
    void monthsUseTheStandAloneName() {
        assertThat(new InvoiceFormats(Locale.forLanguageTag("pl")).month(YearMonth.of(2026, 11), "LLLL yyyy"))
                .isEqualTo("listopad 2026");
        assertThat(new InvoiceFormats(Locale.forLanguageTag("hu")).month(YearMonth.of(2026, 11), "yyyy. LLLL"))
                .isEqualTo("2026. november");
    }

    @Test
    void fileNamesAreTheInvoiceIdOrMadeSafe() {
        assertThat(InvoicesController.fileName("INV-2026-11-EUR")).isEqualTo("INV-2026-11-EUR");
        assertThat(InvoicesController.fileName("a\"b\r\nc")).isEqualTo("a_b__c");
    }
}
