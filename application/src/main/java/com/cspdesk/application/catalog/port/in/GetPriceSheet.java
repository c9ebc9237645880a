package com.cspdesk.application.catalog.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.market.Market;

import java.util.List;

/**
 * {@code GET /v1/pricesheets?country=…} (#16 item 7): every product, SKU and availability of the catalog in one
 * market, in its currency, with the tax treatment a customer there is quoted (rate, included or on top, one unit's
 * net, tax and gross) — the catalog's own quote, as {@link ListAvailabilities} shows it. Products not sold there
 * (Azure reservations in the spec's unavailable markets) are listed, marked not purchasable. Ordered by product
 * title, then SKU id. Needs {@code VIEW_ACROSS_CUSTOMERS}; never "not found".
 */
public interface GetPriceSheet {

    Lookup<List<PriceSheetRow>> priceSheet(Market country, Actor actor);

    record PriceSheetRow(CatalogViews.ProductView product, CatalogViews.SkuView sku,
                         CatalogViews.AvailabilityView availability) {
    }
}
