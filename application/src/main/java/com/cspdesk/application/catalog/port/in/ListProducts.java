package com.cspdesk.application.catalog.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.market.Market;

import java.util.List;
import java.util.Optional;

/** api.md "Catalog": the products for a country, optionally of one target view. Needs {@code BROWSE_CATALOG}. */
public interface ListProducts {

    Lookup<List<CatalogViews.ProductView>> products(Market country, Optional<TargetView> targetView, Actor actor);
}
