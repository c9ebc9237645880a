package com.cspdesk.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Anchor facts "Azure reservations": self-service refunds are capped in US dollars, so a refund
 * in another currency counts at its USD equivalent. Reference rates (units of the currency per
 * US dollar) are data, overridable by configuration; the defaults are the demo catalog's.
 */
public final class UsdEquivalents {

    private static final Currency USD = Currency.getInstance("USD");

    private final Map<Currency, BigDecimal> unitsPerUsd;

    public UsdEquivalents(Map<Currency, BigDecimal> unitsPerUsd) {
        this.unitsPerUsd = Map.copyOf(Objects.requireNonNull(unitsPerUsd, "unitsPerUsd"));
        this.unitsPerUsd.forEach((currency, rate) -> {
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException("a rate is positive: " + currency + " " + rate);
            }
        });
    }

    /** The rates the demo catalog's prices were converted with. */
    public static UsdEquivalents defaults() {
        Map<Currency, BigDecimal> rates = new HashMap<>();
        Map.of("EUR", "0.92", "GBP", "0.79", "HUF", "360", "PLN", "4.0", "SEK", "10.5", "TRY", "34", "AUD", "1.52",
                        "BRL", "5.0")
                .forEach((code, rate) -> rates.put(Currency.getInstance(code), new BigDecimal(rate)));
        return new UsdEquivalents(rates);
    }

    public UsdEquivalents with(Currency currency, BigDecimal unitsPerUsd) {
        Map<Currency, BigDecimal> rates = new HashMap<>(this.unitsPerUsd);
        rates.put(currency, unitsPerUsd);
        return new UsdEquivalents(rates);
    }

    /** The amount in US dollars, rounded to the cent; refused for a currency without a rate. */
    public Money toUsd(Money money) {
        if (money.hasCurrency(USD)) {
            return money;
        }
        BigDecimal rate = unitsPerUsd.get(money.currency());
        if (rate == null) {
            throw new IllegalArgumentException("no USD reference rate for " + money.currency());
        }
        return Money.of(money.amount().divide(rate, 2, RoundingMode.HALF_UP), USD);
    }

    public boolean knows(Currency currency) {
        return currency.equals(USD) || unitsPerUsd.containsKey(currency);
    }
}
