package com.cspdesk.domain.money;

import com.cspdesk.domain.market.Market;

import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Spec "Buy software subscriptions on behalf of customers" step 3: an order is priced and paid in
 * the currency of the customer's market (the availability's default currency in Partner Center).
 * Data, overridable by configuration; markets without an entry pay in US dollars.
 */
public final class MarketCurrencies {

    private static final Set<String> EURO_AREA = Set.of("AT", "BE", "CY", "DE", "EE", "ES", "FI", "FR", "GR", "HR", "IE",
            "IT", "LT", "LU", "LV", "MT", "NL", "PT", "SI", "SK", "AD", "MC", "SM", "VA", "ME", "XK", "GP", "GF", "MQ",
            "YT", "RE", "BL", "MF", "PM", "AX");
    private static final Currency FALLBACK = Currency.getInstance("USD");

    private final Map<Market, Currency> currencies;

    public MarketCurrencies(Map<Market, Currency> currencies) {
        this.currencies = Map.copyOf(Objects.requireNonNull(currencies, "currencies"));
    }

    /** The demo markets' currencies: euro area EUR, HU HUF, PL PLN, SE SEK, TR TRY, AU AUD, BR BRL, GB GBP; else USD. */
    public static MarketCurrencies defaults() {
        Map<Market, Currency> map = new HashMap<>();
        EURO_AREA.forEach(code -> map.put(Market.of(code), Currency.getInstance("EUR")));
        Map.of("HU", "HUF", "PL", "PLN", "SE", "SEK", "TR", "TRY", "AU", "AUD", "BR", "BRL", "GB", "GBP", "US", "USD")
                .forEach((code, currency) -> map.put(Market.of(code), Currency.getInstance(currency)));
        return new MarketCurrencies(map);
    }

    /** A copy with these markets' currencies replaced (configuration). */
    public MarketCurrencies with(Map<Market, Currency> overrides) {
        Map<Market, Currency> map = new HashMap<>(currencies);
        map.putAll(overrides);
        return new MarketCurrencies(map);
    }

    public Currency currencyOf(Market market) {
        return currencies.getOrDefault(Objects.requireNonNull(market, "market"), FALLBACK);
    }
}
