package com.cspdesk.application.catalog.port.in;

import com.cspdesk.domain.market.Market;

import java.util.List;
import java.util.Optional;

/** api.md "Catalog": a product's SKUs; empty when the product does not exist. */
public interface ListSkus {

    Optional<List<CatalogViews.SkuView>> skus(String productId, Market country);
}
