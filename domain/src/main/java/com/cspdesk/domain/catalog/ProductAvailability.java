package com.cspdesk.domain.catalog;

import com.cspdesk.domain.market.AzureReservationAvailability;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.market.MarketAvailability;
import java.util.Objects;

/**
 * Spec "Azure reservations unavailable markets": Azure reservations follow the market list; every other product kind is sold in every market.
 */
public final class ProductAvailability {

    private final AzureReservationAvailability azureReservations;

    public ProductAvailability(AzureReservationAvailability azureReservations) {
        this.azureReservations = Objects.requireNonNull(azureReservations, "azureReservations");
    }

    /** With the spec's list of markets unchanged. */
    public static ProductAvailability asInSpec() {
        return new ProductAvailability(AzureReservationAvailability.asInSpec());
    }

    /** Whether a product of this kind may be bought in the market (the catalog's {@code isPurchasable}). */
    public MarketAvailability check(ProductKind kind, Market market) {
        Objects.requireNonNull(kind, "kind");
        return kind.isAzureReservation() ? azureReservations.check(market) : MarketAvailability.available(market);
    }
}
