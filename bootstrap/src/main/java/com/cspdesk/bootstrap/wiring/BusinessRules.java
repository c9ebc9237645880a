package com.cspdesk.bootstrap.wiring;

import com.cspdesk.domain.catalog.ProductAvailability;
import com.cspdesk.domain.market.AzureReservationAvailability;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.MarketCurrencies;
import com.cspdesk.domain.money.PriceQuotePolicy;
import com.cspdesk.domain.money.TaxInclusiveMarkets;
import com.cspdesk.domain.money.TaxRate;
import com.cspdesk.domain.money.TaxRates;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import com.cspdesk.domain.software.DownloadLinkPolicy;
import jakarta.inject.Singleton;

import java.time.Duration;

import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The domain's policies with the operator's overrides from configuration (the spec's lists and
 * the default tax rates otherwise). A wrong value stops the start with the key that holds it.
 */
@Factory
class BusinessRules {

    @Singleton
    ProductAvailability productAvailability(
            @Value("${cspdesk.markets.azure-reservations.unavailable-added:}") List<String> added,
            @Value("${cspdesk.markets.azure-reservations.unavailable-removed:}") List<String> removed) {
        return new ProductAvailability(AzureReservationAvailability.asInSpecWith(
                markets("cspdesk.markets.azure-reservations.unavailable-added", added),
                markets("cspdesk.markets.azure-reservations.unavailable-removed", removed)));
    }

    @Singleton
    PriceQuotePolicy priceQuotePolicy(@Nullable @Property(name = "cspdesk.tax.rates") Map<String, String> rates,
                                      @Value("${cspdesk.tax.inclusive-markets:AU,BR}") List<String> inclusive) {
        TaxRates taxRates = TaxRates.defaults();
        for (Map.Entry<String, String> rate : (rates == null ? Map.<String, String>of() : rates).entrySet()) {
            try {
                taxRates = taxRates.with(market("cspdesk.tax.rates", rate.getKey()), TaxRate.of(rate.getValue()));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("cspdesk.tax.rates." + rate.getKey() + ": not a tax rate such as 0.27");
            }
        }
        return new PriceQuotePolicy(taxRates, new TaxInclusiveMarkets(markets("cspdesk.tax.inclusive-markets", inclusive)));
    }

    @Singleton
    MarketCurrencies marketCurrencies(@Nullable @Property(name = "cspdesk.markets.currencies") Map<String, String> currencies) {
        Map<Market, Currency> overrides = new HashMap<>();
        for (Map.Entry<String, String> entry : (currencies == null ? Map.<String, String>of() : currencies).entrySet()) {
            try {
                overrides.put(market("cspdesk.markets.currencies", entry.getKey()), Currency.getInstance(entry.getValue().strip()));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("cspdesk.markets.currencies." + entry.getKey() + ": not an ISO 4217 currency");
            }
        }
        return MarketCurrencies.defaults().with(overrides);
    }

    @Singleton
    DownloadLinkPolicy downloadLinkPolicy(@Value("${cspdesk.downloads.link-lifetime:P14D}") String lifetime,
                                          @Value("${cspdesk.downloads.max-downloads:50}") int maxDownloads) {
        try {
            return new DownloadLinkPolicy(Duration.parse(lifetime), maxDownloads);
        } catch (RuntimeException e) {
            throw new ConfigurationException("cspdesk.downloads.link-lifetime / max-downloads: a positive ISO-8601 duration"
                    + " such as P14D and a positive count such as 50");
        }
    }

    private static Set<Market> markets(String key, List<String> codes) {
        return codes.stream().map(String::strip).filter(code -> !code.isEmpty()).map(code -> market(key, code))
                .collect(Collectors.toSet());
    }

    private static Market market(String key, String code) {
        return Market.parse(code).orElseThrow(() ->
                new ConfigurationException(key + ": " + code + " is not an ISO 3166-1 alpha-2 country code"));
    }
}
