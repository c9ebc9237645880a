package com.cspdesk.bootstrap.wiring;

import com.cspdesk.domain.cancellation.CancellationCredit;
import com.cspdesk.domain.cancellation.CancellationPolicy;
import com.cspdesk.domain.cancellation.CancellationWindows;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.subscription.RenewalCancellationPolicy;
import com.cspdesk.domain.cancellation.ReservationRefundLimit;
import com.cspdesk.domain.catalog.ProductAvailability;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.UsdEquivalents;
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
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.identity.SecondFactorRequirement;
import com.cspdesk.domain.webhooks.WebhookDestinationPolicy;
import jakarta.inject.Singleton;

import java.time.Duration;

import java.util.Currency;
import java.util.EnumSet;
import java.util.Locale;
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

    /**
     * {@code CSPDESK_WEBHOOKS_ALLOWED_HOSTS}: hosts a webhook may point to whatever they resolve to, over
     * {@code http} too (a local receiver, the tests); none by default.
     */
    @Singleton
    WebhookDestinationPolicy webhookDestinationPolicy(@Value("${cspdesk.webhooks.allowed-hosts:}") List<String> allowedHosts) {
        return new WebhookDestinationPolicy(allowedHosts);
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

    /**
     * Spec "Cancel a purchase": 60 days for every kind; {@code cspdesk.cancellation.rules=newer-microsoft}
     * gives Microsoft's newer 30/7 days, and {@code cspdesk.cancellation.windows.<KIND>=P14D} sets one kind.
     */
    @Singleton
    CancellationPolicy cancellationPolicy(@Value("${cspdesk.cancellation.rules:spec}") String rules,
                                          @Nullable @Property(name = "cspdesk.cancellation.windows") Map<String, String> windows,
                                          @Value("${cspdesk.cancellation.reservation-refund-limit-usd:50000.00}") String limit) {
        CancellationWindows chosen = switch (rules.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "spec" -> CancellationWindows.asInSpec();
            case "newer-microsoft" -> CancellationWindows.newerMicrosoftRules();
            default -> throw new ConfigurationException("cspdesk.cancellation.rules: spec or newer-microsoft, not " + rules);
        };
        for (Map.Entry<String, String> window : (windows == null ? Map.<String, String>of() : windows).entrySet()) {
            try {
                chosen = chosen.withWindow(ProductKind.valueOf(window.getKey().toUpperCase(java.util.Locale.ROOT).replace('-', '_')),
                        Duration.parse(window.getValue()));
            } catch (RuntimeException e) {
                throw new ConfigurationException("cspdesk.cancellation.windows." + window.getKey()
                        + ": a product kind such as PERPETUAL_SOFTWARE and an ISO-8601 duration such as P60D");
            }
        }
        try {
            return new CancellationPolicy(chosen, new CancellationCredit(),
                    new ReservationRefundLimit(Money.of(limit.strip(), "USD")));
        } catch (RuntimeException e) {
            throw new ConfigurationException("cspdesk.cancellation.reservation-refund-limit-usd: a USD amount such as 50000.00");
        }
    }

    /**
     * Issue #16: a renewal may be cancelled within a window from the renewal date, the purchase's rule applied to the
     * renewal. By default the window is the purchase's ({@code cspdesk.cancellation.*}); {@code
     * cspdesk.subscriptions.renewal-cancellation-window=P7D} gives renewals a window of their own.
     */
    @Singleton
    RenewalCancellationPolicy renewalCancellationPolicy(CancellationPolicy purchases,
                                                        @Value("${cspdesk.cancellation.reservation-refund-limit-usd:50000.00}") String limit,
                                                        @Value("${cspdesk.subscriptions.renewal-cancellation-window:}") String window) {
        if (window.isBlank()) {
            return new RenewalCancellationPolicy(purchases);
        }
        try {
            Duration renewalWindow = Duration.parse(window.strip());
            return new RenewalCancellationPolicy(new CancellationPolicy(
                    CancellationWindows.asInSpec().withWindow(ContractType.SUBSCRIPTION, renewalWindow), new CancellationCredit(),
                    new ReservationRefundLimit(Money.of(limit.strip(), "USD"))));
        } catch (RuntimeException e) {
            throw new ConfigurationException("cspdesk.subscriptions.renewal-cancellation-window: an ISO-8601 duration such as P60D");
        }
    }

    @Singleton
    UsdEquivalents usdEquivalents(@Nullable @Property(name = "cspdesk.money.usd-rates") Map<String, String> rates) {
        UsdEquivalents equivalents = UsdEquivalents.defaults();
        for (Map.Entry<String, String> rate : (rates == null ? Map.<String, String>of() : rates).entrySet()) {
            try {
                equivalents = equivalents.with(Currency.getInstance(rate.getKey().toUpperCase(java.util.Locale.ROOT)),
                        new java.math.BigDecimal(rate.getValue().strip()));
            } catch (RuntimeException e) {
                throw new ConfigurationException("cspdesk.money.usd-rates." + rate.getKey() + ": units of the currency per USD");
            }
        }
        return equivalents;
    }

    private static Set<Market> markets(String key, List<String> codes) {
        return codes.stream().map(String::strip).filter(code -> !code.isEmpty()).map(code -> market(key, code))
                .collect(Collectors.toSet());
    }

    private static Market market(String key, String code) {
        return Market.parse(code).orElseThrow(() ->
                new ConfigurationException(key + ": " + code + " is not an ISO 3166-1 alpha-2 country code"));
    }

    /** The roles a user must have a second factor for before doing anything but enrol one (none: "none" or empty). */
    static final String DEFAULT_MFA_REQUIRED_ROLES = "ADMIN_AGENT,GLOBAL_ADMIN";

    /**
     * {@code cspdesk.mfa.required-roles} ({@code CSPDESK_MFA_REQUIRED_ROLES}): role names, comma-separated;
     * unset, {@value #DEFAULT_MFA_REQUIRED_ROLES}, or none in sandbox mode (so the demo signs in with a
     * password). An unknown role name stops the start.
     */
    @Singleton
    SecondFactorRequirement secondFactorRequirement(@Nullable @Property(name = "cspdesk.mfa.required-roles") String configured,
                                                    @Value("${cspdesk.sandbox.enabled:false}") boolean sandbox) {
        String roles = configured != null ? configured : sandbox ? "" : DEFAULT_MFA_REQUIRED_ROLES;
        Set<Role> required = EnumSet.noneOf(Role.class);
        for (String name : roles.split(",")) {
            String role = name.strip().toUpperCase(Locale.ROOT);
            if (role.isEmpty() || role.equals("NONE")) {
                continue;
            }
            try {
                required.add(Role.valueOf(role));
            } catch (IllegalArgumentException unknown) {
                throw new ConfigurationException("cspdesk.mfa.required-roles: no role " + name.strip());
            }
        }
        return new SecondFactorRequirement(required);
    }
}
