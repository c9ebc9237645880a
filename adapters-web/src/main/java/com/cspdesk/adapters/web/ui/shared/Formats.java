package com.cspdesk.adapters.web.ui.shared;

import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Dates, numbers and money as the reader's language writes them ({@code 1.787,37 €} in German,
 * {@code 27 940,00 Ft} in Hungarian, {@code A$1,787.37} in English). Times are shown in UTC, and say
 * so: the server does not know the reader's time zone. Put into every page as {@code fmt}.
 */
public final class Formats {

    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    public Formats(Locale locale) {
        this.locale = locale;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(ZoneOffset.UTC);
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .withZone(ZoneOffset.UTC);
    }

    public Locale locale() {
        return locale;
    }

    public String money(Money money) {
        if (money == null) {
            return "";
        }
        return amount(money.amount(), money.currency());
    }

    public String amount(BigDecimal amount, Currency currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        int digits = Money.minorUnitDigits(currency);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(amount);
    }

    /** {@code 0.27} → {@code 27%} ({@code 27 %} in German and Hungarian). */
    public String percent(BigDecimal fraction) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(2);
        return fraction == null ? "" : format.format(fraction);
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    public String date(Instant instant) {
        return instant == null ? "" : date.format(instant);
    }

    public String date(LocalDate day) {
        return day == null ? "" : date.format(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime.format(instant) + " UTC";
    }

    /** {@code 2026-11-21}, what a date input holds and machine-readable {@code <time>} elements carry. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    public String isoInstant(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    public String month(YearMonth month) {
        if (month == null) {
            return "";
        }
        String name = month.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale);
        return capitalised(name) + " " + month.getYear();
    }

    public String country(Market market) {
        if (market == null) {
            return "";
        }
        String name = new Locale("", market.code()).getDisplayCountry(locale);
        return name == null || name.isBlank() ? market.code() : name;
    }

    public String countryCode(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(locale);
        return name == null || name.isBlank() ? code : name;
    }

    /** {@code de-DE} → {@code German (Germany)} in English, {@code német (Németország)} in Hungarian. */
    public String language(SoftwareLanguage language) {
        return language == null ? "" : language(language.tag());
    }

    public String language(String tag) {
        if (tag == null || tag.isBlank()) {
            return "";
        }
        String name = Locale.forLanguageTag(tag).getDisplayName(locale);
        return name == null || name.isBlank() ? tag : capitalised(name);
    }

    private String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }
}
