package com.cspdesk.application.catalog.port.in;

import com.cspdesk.domain.catalog.Bitness;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.SoftwareLanguage;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.catalog.HybridBenefitQuote;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.TaxRate;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What the catalog shows: products, their SKUs, and a SKU's availability in a market. */
public interface CatalogViews {

    record ProductView(String id, String title, String description, ProductKind kind, TargetView productType,
                              String publisherName) {
    }

    /**
     * A SKU; {@code versions} newest first, each also granting the earlier ones (earlier-version
     * rights); empty for Azure reservations and Linux plans, which have no keys.
     */
    record SkuView(String productId, String id, String title, int minimumQuantity, int maximumQuantity,
                          Set<String> supportedBillingCycles, TermDuration termDuration, ContractType contractType,
                          boolean cancellable, List<SoftwareVersion> versions, Set<SoftwareLanguage> languages,
                          Set<Bitness> bitness) {
    }

    /**
     * A SKU's price in one market. {@code purchasable} is false where the product kind is not sold
     * (Azure reservations in the spec's unavailable markets). {@code baseComputePrice} is the Linux
     * rate of an Azure VM reservation, for the Azure Hybrid Benefit. {@code unitQuote} is one unit's
     * net, tax and gross at the market's {@code taxRate}, priced as an order of it would be.
     * {@code hybridBenefit} (issue #16) is what the Azure Hybrid Benefit does for this price: the Windows and the
     * base rate and the saving for a VM reservation with a base rate (for customers whose licences qualify),
     * empty where the price list has no base rate.
     */
    record AvailabilityView(String id, String catalogItemId, Market country, boolean purchasable,
                                   Money listPrice, boolean taxIncluded, TermDuration term,
                                   Optional<Money> baseComputePrice, PriceQuote unitQuote, TaxRate taxRate,
                                   Optional<HybridBenefitQuote> hybridBenefit) {

        public AvailabilityView {
            java.util.Objects.requireNonNull(hybridBenefit, "hybridBenefit");
        }

        /** A price without the Azure Hybrid Benefit's figures. */
        public AvailabilityView(String id, String catalogItemId, Market country, boolean purchasable, Money listPrice,
                                boolean taxIncluded, TermDuration term, Optional<Money> baseComputePrice,
                                PriceQuote unitQuote, TaxRate taxRate) {
            this(id, catalogItemId, country, purchasable, listPrice, taxIncluded, term, baseComputePrice, unitQuote, taxRate,
                    Optional.empty());
        }
    }
}
