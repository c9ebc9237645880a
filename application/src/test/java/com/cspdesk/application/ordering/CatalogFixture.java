package com.cspdesk.application.ordering;

import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ProductFamily;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A small in-memory catalog for use-case tests: a stub of the Catalog port, not of the domain. */
public final class CatalogFixture implements Catalog {

    public static final String WS_STD = "DG7GMGF0D7FW";
    public static final String VM_RES = "DZH318Z0BQ3P";
    public static final String SUSE = "DZH318Z0BQ4S";
    public static final String WS_SUB = "DG7GMGF0K90R";

    private final Map<String, Product> products = Map.of(
            WS_STD, new Product(WS_STD, "Windows Server 2022 Standard", "Perpetual", ProductKind.PERPETUAL_SOFTWARE,
                    "Microsoft Corporation", Optional.of(ProductFamily.of("Windows Server", "2016", "2019", "2022"))),
            VM_RES, new Product(VM_RES, "Azure reserved VM instances", "Reservations", ProductKind.AZURE_RESERVATION_VM,
                    "Microsoft Corporation", Optional.empty()),
            SUSE, new Product(SUSE, "SUSE Linux Enterprise Server software plan", "Plan", ProductKind.SUSE_LINUX_SOFTWARE_PLAN,
                    "SUSE", Optional.empty()),
            WS_SUB, new Product(WS_SUB, "Windows Server 2022 Standard Subscription", "Subscription",
                    ProductKind.WINDOWS_SERVER_SUBSCRIPTION, "Microsoft Corporation",
                    Optional.of(ProductFamily.of("Windows Server", "2016", "2019", "2022"))));

    private final Map<String, Sku> skus = Map.of(
            WS_STD, new Sku(WS_STD, "0001", "16 Core License Pack", 1, 1000, Set.of("one_time"), TermDuration.NONE,
                    Optional.of(SoftwareVersion.of("2022")), Set.of(SoftwareLanguage.of("en-US"), SoftwareLanguage.of("de-DE")),
                    Set.of(Bitness.X64)),
            VM_RES, new Sku(VM_RES, "0001", "Standard_D2s_v5 Windows, 1 year", 1, 100, Set.of("one_time"), TermDuration.P1Y,
                    Optional.empty(), Set.of(), Set.of()),
            SUSE, new Sku(SUSE, "0001", "1 year", 1, 100, Set.of("one_time"), TermDuration.P1Y, Optional.empty(), Set.of(),
                    Set.of()),
            WS_SUB, new Sku(WS_SUB, "0001", "16 Core License Pack, 1 year", 1, 500, Set.of("one_time"), TermDuration.P1Y,
                    Optional.of(SoftwareVersion.of("2022")), Set.of(SoftwareLanguage.of("en-US")), Set.of(Bitness.X64)));

    @Override
    public List<Product> products() {
        return List.copyOf(products.values());
    }

    @Override
    public Optional<Product> product(String productId) {
        return Optional.ofNullable(products.get(productId));
    }

    @Override
    public List<Sku> skus(String productId) {
        return Optional.ofNullable(skus.get(productId)).stream().toList();
    }

    @Override
    public Optional<Sku> sku(String productId, String skuId) {
        return Optional.ofNullable(skus.get(productId)).filter(s -> s.id().equals(skuId));
    }

    @Override
    public List<Availability> availabilities(String productId, String skuId) {
        if (sku(productId, skuId).isEmpty()) {
            return List.of();
        }
        return List.of(price(productId, "HUF", "384840.00"), price(productId, "AUD", "1787.37"), price(productId, "EUR", "983.48"),
                price(productId, "USD", "1069.00"));
    }

    @Override
    public Optional<Availability> availability(String productId, String skuId, String availabilityId) {
        return availabilities(productId, skuId).stream().filter(a -> a.id().equals(availabilityId)).findFirst();
    }

    public static String offer(String productId, String currency) {
        return productId + ":0001:AV" + currency;
    }

    private static Availability price(String productId, String currency, String amount) {
        return new Availability(productId, "0001", "AV" + currency, Currency.getInstance(currency), Money.of(amount, currency),
                productId.equals(VM_RES) ? Optional.of(Money.of("1.00", currency)) : Optional.empty());
    }
}
