package com.cspdesk.application.catalog.port.in;

import com.cspdesk.domain.market.Market;

import java.util.List;
import java.util.Optional;

/** api.md "Catalog": the products for a country, optionally of one target view. */
public interface ListProducts {

    List<CatalogViews.ProductView> products(Market country, Optional<TargetView> targetView);
}
