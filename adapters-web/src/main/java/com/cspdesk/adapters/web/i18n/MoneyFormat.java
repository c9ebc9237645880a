package com.cspdesk.adapters.web.i18n;

import com.cspdesk.domain.money.Money;
import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.util.ULocale;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Money as the reader's language writes it, from CLDR through ICU4J: {@code HUF 488,746.80} and
 * {@code €1,787.37} in English, {@code 1.787,37 €} in German, {@code 488 746,80 Ft} in Hungarian,
 * {@code 1787,37 €} in Polish (CLDR groups Polish thousands from five digits on). Always the currency's
 * own minor-unit digits ({@link Money#minorUnitDigits}), never rounded again: the amounts are exact. The
 * one money format of the dashboard, the invoice PDF and anything else a person reads.
 */
public final class MoneyFormat {

    /** ICU's formatters are immutable and thread-safe: one per language and currency for the whole server. */
    private static final Map<String, LocalizedNumberFormatter> FORMATTERS = new ConcurrentHashMap<>();

    private MoneyFormat() {
    }

    public static String format(BigDecimal amount, Currency currency, Locale locale) {
        LocalizedNumberFormatter formatter = FORMATTERS.computeIfAbsent(locale.toLanguageTag() + "|" + currency.getCurrencyCode(),
                key -> NumberFormatter.withLocale(ULocale.forLocale(locale))
                        .unit(com.ibm.icu.util.Currency.getInstance(currency.getCurrencyCode()))
                        .precision(Precision.fixedFraction(Money.minorUnitDigits(currency))));
        return formatter.format(amount).toString();
    }

    public static String format(Money money, Locale locale) {
        return format(money.amount(), money.currency(), locale);
    }
}
