package com.cspdesk.domain.money;

import com.cspdesk.domain.market.Market;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Spec "Buy software subscriptions on behalf of customers" step 3 (tax on top, or inside AU/BR prices): the rate of each market, from configuration.
 *
 * <p>Markets configuration does not name get the fallback rate, by default 0: the product never invents
 * a tax it cannot justify; a market that needs tax must be configured. {@link #defaults()} holds standard VAT/GST rates as known in 2025;
 * they are a starting point for configuration, not tax advice.
 */
public final class TaxRates {

    private final Map<Market, TaxRate> rates;
    private final TaxRate fallback;

    public TaxRates(Map<Market, TaxRate> rates, TaxRate fallback) {
        Objects.requireNonNull(rates, "rates");
        this.rates = Collections.unmodifiableMap(new TreeMap<>(rates));
        this.fallback = Objects.requireNonNull(fallback, "fallback");
    }

    /** Builds rates from configuration's plain map of country code to rate (for example {@code "HU" -> 0.27}). */
    public static TaxRates fromCountryCodes(Map<String, BigDecimal> rates, BigDecimal fallback) {
        Map<Market, TaxRate> typed = new TreeMap<>();
        rates.forEach((country, rate) -> typed.put(Market.of(country), new TaxRate(rate)));
        return new TaxRates(typed, new TaxRate(fallback));
    }

    /**
     * Standard rates of the markets the product starts with; fallback 0.
     * US is 0 because US sales tax (state and local) is not modelled. BR is a simplified flat 15 %
     * standing in for the PIS/COFINS and ISS charged on software licences, which really vary by
     * municipality and regime: configure the real figure per partner.
     */
    public static TaxRates defaults() {
        Map<Market, TaxRate> rates = new TreeMap<>();
        rate(rates, "HU", "0.27");
        rate(rates, "DE", "0.19");
        rate(rates, "AT", "0.20");
        rate(rates, "PL", "0.23");
        rate(rates, "SE", "0.25");
        rate(rates, "DK", "0.25");
        rate(rates, "NO", "0.25");
        rate(rates, "TR", "0.20");
        rate(rates, "FR", "0.20");
        rate(rates, "GB", "0.20");
        rate(rates, "NL", "0.21");
        rate(rates, "BE", "0.21");
        rate(rates, "ES", "0.21");
        rate(rates, "CZ", "0.21");
        rate(rates, "IT", "0.22");
        rate(rates, "IE", "0.23");
        rate(rates, "PT", "0.23");
        rate(rates, "CH", "0.081");
        rate(rates, "AU", "0.10"); // GST, included in AU list prices
        rate(rates, "NZ", "0.15");
        rate(rates, "JP", "0.10");
        rate(rates, "BR", "0.15"); // simplified, included in BR list prices
        rate(rates, "US", "0");
        return new TaxRates(rates, TaxRate.ZERO);
    }

    /** The configured rate of the market, or the fallback when configuration does not name it. */
    public TaxRate rateFor(Market market) {
        return rates.getOrDefault(Objects.requireNonNull(market, "market"), fallback);
    }

    public TaxRate fallback() {
        return fallback;
    }

    public Map<Market, TaxRate> configured() {
        return rates;
    }

    /** A copy with one market's rate set (or replaced). */
    public TaxRates with(Market market, TaxRate rate) {
        Map<Market, TaxRate> copy = new TreeMap<>(rates);
        copy.put(market, rate);
        return new TaxRates(copy, fallback);
    }

    private static void rate(Map<Market, TaxRate> rates, String country, String rate) {
        rates.put(Market.of(country), TaxRate.of(rate));
    }
}
