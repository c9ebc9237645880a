package com.cspdesk.application.catalog;

import com.cspdesk.application.catalog.port.in.GetPriceSheet;
import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.market.Market;

import java.util.Comparator;
import java.util.List;

/**
 * A market's price sheet: the catalog's products, SKUs and availabilities there, priced and taxed by
 * {@link CatalogBrowsing}'s own reading (no second tax rule).
 */
public final class PriceSheets implements GetPriceSheet {

    private final Catalog catalog;
    private final CatalogBrowsing browsing;

    public PriceSheets(Catalog catalog, CatalogBrowsing browsing) {
        this.catalog = catalog;
        this.browsing = browsing;
    }

    @Override
    public Lookup<List<PriceSheetRow>> priceSheet(Market country, Actor actor) {
        if (!actor.may(Permission.VIEW_ACROSS_CUSTOMERS)) {
            return Lookup.notPermitted(Permission.VIEW_ACROSS_CUSTOMERS);
        }
        return Lookup.found(catalog.products().stream()
                .sorted(Comparator.comparing(Catalog.Product::title))
                .flatMap(product -> catalog.skus(product.id()).stream()
                        .sorted(Comparator.comparing(Catalog.Sku::id))
                        .flatMap(sku -> browsing.availabilities(product, sku, country).stream()
                                .map(availability -> new PriceSheetRow(CatalogBrowsing.productView(product),
                                        CatalogBrowsing.skuView(product, sku), availability))))
                .toList());
    }
}
