package com.cspdesk.application.catalog.port.in;

import com.cspdesk.domain.market.Market;

import java.util.List;
import java.util.Optional;

/** api.md "Catalog": a SKU's availability in a country (its currency's price); empty for an unknown SKU. */
public interface ListAvailabilities {

    Optional<List<CatalogViews.AvailabilityView>> availabilities(String productId, String skuId, Market country);
}
