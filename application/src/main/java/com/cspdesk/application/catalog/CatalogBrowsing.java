package com.cspdesk.application.catalog;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.application.catalog.port.in.CatalogViews.AvailabilityView;
import com.cspdesk.application.catalog.port.in.CatalogViews.ProductView;
import com.cspdesk.application.catalog.port.in.CatalogViews.SkuView;
import com.cspdesk.application.catalog.port.in.ListAvailabilities;
import com.cspdesk.application.catalog.port.in.ListProducts;
import com.cspdesk.application.catalog.port.in.ListSkus;
import com.cspdesk.application.catalog.port.in.TargetView;
import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.domain.catalog.EarlierVersionRights;
import com.cspdesk.domain.catalog.AzureHybridBenefit;
import com.cspdesk.domain.catalog.HybridBenefitQuote;
import com.cspdesk.domain.catalog.ProductAvailability;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.VmReservationRates;
import com.cspdesk.domain.catalog.SoftwareSku;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.MarketCurrencies;
import com.cspdesk.domain.money.PriceQuotePolicy;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Browsing the catalog for a customer's market: what is sold there, in its currency, with tax
 * shown as the market requires.
 */
public final class CatalogBrowsing implements ListProducts, ListSkus, ListAvailabilities {

    static final String PRODUCT_NOT_FOUND = "product_not_found";
    static final String SKU_NOT_FOUND = "sku_not_found";

    private final Catalog catalog;
    private final ProductAvailability productAvailability;
    private final MarketCurrencies marketCurrencies;
    private final PriceQuotePolicy priceQuotePolicy;
    private final AzureHybridBenefit hybridBenefit = new AzureHybridBenefit();

    public CatalogBrowsing(Catalog catalog, ProductAvailability productAvailability, MarketCurrencies marketCurrencies,
                           PriceQuotePolicy priceQuotePolicy) {
        this.catalog = catalog;
        this.productAvailability = productAvailability;
        this.marketCurrencies = marketCurrencies;
        this.priceQuotePolicy = priceQuotePolicy;
    }

    @Override
    public Lookup<List<ProductView>> products(Market country, Optional<TargetView> targetView, Actor actor) {
        if (!actor.may(Permission.BROWSE_CATALOG)) {
            return Lookup.notPermitted(Permission.BROWSE_CATALOG);
        }
        return Lookup.found(catalog.products().stream()
                .filter(product -> targetView.map(view -> view.includes(product.kind())).orElse(true))
                .sorted(Comparator.comparing(Catalog.Product::title))
                .map(CatalogBrowsing::productView)
                .toList());
    }

    @Override
    public Lookup<List<SkuView>> skus(String productId, Market country, Actor actor) {
        if (!actor.may(Permission.BROWSE_CATALOG)) {
            return Lookup.notPermitted(Permission.BROWSE_CATALOG);
        }
        return Lookup.of(catalog.product(productId), PRODUCT_NOT_FOUND).map(product -> catalog.skus(productId).stream()
                .sorted(Comparator.comparing(Catalog.Sku::id))
                .map(sku -> skuView(product, sku))
                .toList());
    }

    @Override
    public Lookup<List<AvailabilityView>> availabilities(String productId, String skuId, Market country, Actor actor) {
        if (!actor.may(Permission.BROWSE_CATALOG)) {
            return Lookup.notPermitted(Permission.BROWSE_CATALOG);
        }
        Optional<Catalog.Product> product = catalog.product(productId);
        if (product.isEmpty()) {
            return Lookup.notFound(PRODUCT_NOT_FOUND);
        }
        if (catalog.sku(productId, skuId).isEmpty()) {
            return Lookup.notFound(SKU_NOT_FOUND);
        }
        return Lookup.found(availabilities(product.get(), catalog.sku(productId, skuId).get(), country));
    }

    /**
     * A SKU's availabilities in a market (its currency's price), each quoted for one unit as an order of it would
     * be; also the price sheet's rows ({@link PriceSheets}).
     */
    List<AvailabilityView> availabilities(Catalog.Product product, Catalog.Sku sku, Market country) {
        boolean purchasable = productAvailability.check(product.kind(), country).isAvailable();
        boolean taxIncluded = priceQuotePolicy.includesTax(country);
        return catalog.availabilities(product.id(), sku.id()).stream()
                .filter(availability -> availability.currency().equals(marketCurrencies.currencyOf(country)))
                .map(availability -> new AvailabilityView(availability.id(), availability.catalogItemId(), country,
                        purchasable, availability.unitPrice(), taxIncluded, sku.term(), availability.baseComputePrice(),
                        priceQuotePolicy.quote(availability.unitPrice(), 1, country), priceQuotePolicy.rateFor(country),
                        hybridBenefit(product.kind(), availability)))
                .toList();
    }

    /** A SKU as the catalog shows it. */
    static SkuView skuView(Catalog.Product product, Catalog.Sku sku) {
        return new SkuView(product.id(), sku.id(), sku.title(), sku.minimumQuantity(), sku.maximumQuantity(),
                sku.billingCycles(), sku.term(), product.kind().contractType(),
                !product.kind().isLinuxSoftwarePlan(), versions(product, sku), sku.languages(), sku.bitness());
    }

    /** A product as the catalog shows it. */
    static ProductView productView(Catalog.Product product) {
        return new ProductView(product.id(), product.title(), product.description(), product.kind(),
                TargetView.of(product.kind()), product.publisherName());
    }

    /** Issue #16: the Azure Hybrid Benefit of a price with a base (Linux) rate, by the domain's rule; none without one. */
    private Optional<HybridBenefitQuote> hybridBenefit(ProductKind kind, Catalog.Availability availability) {
        return availability.baseComputePrice().map(base ->
                hybridBenefit.withQualifyingLicences(kind, new VmReservationRates(availability.unitPrice(), base)));
    }

    /** The version bought and the earlier ones it entitles to, newest first; none for software without keys. */
    static List<SoftwareVersion> versions(Catalog.Product product, Catalog.Sku sku) {
        if (product.family().isEmpty() || sku.version().isEmpty() || sku.languages().isEmpty() || sku.bitness().isEmpty()) {
            return List.of();
        }
        return new EarlierVersionRights().entitledVersions(
                new SoftwareSku(product.family().get(), sku.version().get(), sku.languages(), sku.bitness()));
    }
}
