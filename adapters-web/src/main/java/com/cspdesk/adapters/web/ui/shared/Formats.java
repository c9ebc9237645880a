package com.cspdesk.adapters.web.ui.shared;

import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;

import com.cspdesk.adapters.web.i18n.MoneyFormat;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dates, numbers and money as the reader's language writes them ({@code 1.787,37 €} in German,
 * {@code 27 940,00 Ft} in Hungarian, {@code A$1,787.37} and {@code HUF 488,746.80} in English). Money,
 * numbers and country names come from CLDR through ICU4J, which (unlike the JDK's formats) applies CLDR's
 * currency spacing; lists of names are sorted by the reader's collation. Times are shown in UTC, and say
 * so: the server does not know the reader's time zone. Put into every page as {@code fmt}.
 */
public final class Formats {

    private final Locale locale;
    private final ULocale uLocale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;

    public Formats(Locale locale) {
        this.locale = locale;
        this.uLocale = ULocale.forLocale(locale);
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

    /** The amount in the currency's own minor digits (the product's, not CLDR's cash rounding: {@code 27 940,00 Ft}). */
    public String amount(BigDecimal amount, Currency currency) {
        return MoneyFormat.format(amount, currency, locale);
    }

    /** {@code 0.27} → {@code 27%} ({@code 27 %} in German and Hungarian). */
    public String percent(BigDecimal fraction) {
        return fraction == null ? "" : NumberFormatter.withLocale(uLocale).unit(com.ibm.icu.util.NoUnit.PERCENT)
                .scale(com.ibm.icu.number.Scale.powerOfTen(2)).precision(Precision.maxFraction(2))
                .format(fraction).toString();
    }

    public String number(long value) {
        return NumberFormatter.withLocale(uLocale).format(value).toString();
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
        return market == null ? "" : countryCode(market.code());
    }

    /** The country's name in CLDR for the reader's language ({@code Österreich}, {@code Avusturya}). */
    public String countryCode(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new ULocale("", code).getDisplayCountry(uLocale);
        return name == null || name.isBlank() || name.equals(code) ? code : name;
    }

    /** Every ISO country as {@code code → name}, in the reader's alphabetical order (German: Österreich after Oman). */
    public List<Map.Entry<String, String>> countries() {
        return sortedByName(java.util.Arrays.stream(Locale.getISOCountries())
                .map(code -> Map.entry(code, countryCode(code))).toList());
    }

    /** Entries sorted by their names as the reader's language sorts words (ICU collation, not code points). */
    public <K> List<Map.Entry<K, String>> sortedByName(List<Map.Entry<K, String>> entries) {
        Collator collator = Collator.getInstance(uLocale);
        return entries.stream().sorted(Comparator.comparing(Map.Entry::getValue, collator::compare)).toList();
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
