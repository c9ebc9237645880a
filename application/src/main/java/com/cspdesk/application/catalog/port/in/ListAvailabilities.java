package com.cspdesk.application.catalog.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.market.Market;

import java.util.List;

/**
 * api.md "Catalog": a SKU's availability in a country (its currency's price); {@code product_not_found}
 * or {@code sku_not_found} for an unknown one. Needs {@code BROWSE_CATALOG}.
 */
public interface ListAvailabilities {

    Lookup<List<CatalogViews.AvailabilityView>> availabilities(String productId, String skuId, Market country, Actor actor);
}
