package com.cspdesk.application.catalog.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.market.Market;

import java.util.List;

/** api.md "Catalog": a product's SKUs; {@code product_not_found} when there is no such product. Needs {@code BROWSE_CATALOG}. */
public interface ListSkus {

    Lookup<List<CatalogViews.SkuView>> skus(String productId, Market country, Actor actor);
}
