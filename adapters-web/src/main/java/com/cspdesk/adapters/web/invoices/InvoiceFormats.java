package com.cspdesk.adapters.web.invoices;

import com.cspdesk.adapters.web.i18n.MoneyFormat;
import com.cspdesk.domain.money.Money;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Money, dates and months as a reader of the caller's language expects them: {@code €1,234.56}
 * in English, {@code 1.234,56 €} in German (money is {@link MoneyFormat}'s), with the plain no-break
 * spaces the PDF's font has.
 */
final class InvoiceFormats {

    /** CLDR puts U+202F (narrow no-break space) in some patterns; a plain no-break space reads the same everywhere. */
    private static final char NARROW_NO_BREAK_SPACE = '\u202F';
    private static final char NO_BREAK_SPACE = '\u00A0';

    private final Locale locale;

    InvoiceFormats(Locale locale) {
        this.locale = locale;
    }

    String money(Money money) {
        return MoneyFormat.format(money, locale).replace(NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE);
    }

    /** The billing month with the bundle's pattern, e.g. {@code November 2026}, {@code listopad 2026}. */
    String month(YearMonth month, String pattern) {
        return DateTimeFormatter.ofPattern(pattern, locale).format(month);
    }

    /** A day in UTC, e.g. {@code December 1, 2026} or {@code 1. Dezember 2026}. */
    String day(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .format(instant.atOffset(ZoneOffset.UTC).toLocalDate()).replace(NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE);
    }

    /** A short day in UTC for the table, e.g. {@code 11/3/26} or {@code 03.11.26}. */
    String shortDay(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .format(instant.atOffset(ZoneOffset.UTC).toLocalDate()).replace(NARROW_NO_BREAK_SPACE, NO_BREAK_SPACE);
    }

    String currencyName(java.util.Currency currency) {
        return currency.getDisplayName(locale);
    }
}
