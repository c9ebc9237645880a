package com.cspdesk.adapters.web.catalog;

import com.cspdesk.adapters.web.api.ResourceCollection;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.cspdesk.domain.catalog.HybridBenefitQuote;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

final class CatalogResponses {

    private CatalogResponses() {
    }

    /** The API document's item type of GET /v1/products (a ResourceCollection of these). */
    record ProductItems(List<ProductResponse> items) {
    }

    /** The API document's item type of GET /v1/products/{productId}/skus (a ResourceCollection of these). */
    record SkuItems(List<SkuResponse> items) {
    }

    /** The API document's item type of GET …/skus/{skuId}/availabilities (a ResourceCollection of these). */
    record AvailabilityItems(List<AvailabilityResponse> items) {
    }

    @Serdeable
    record ProductResponse(String id, String title, String description, ProductType productType, String publisherName) {
    }

    @Serdeable
    record ProductType(String id, String displayName) {
    }

    /** {@code termDuration} is written as {@code null} for perpetual software, as Partner Center does. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SkuResponse(String id, String productId, String title, int minimumQuantity, int maximumQuantity,
                       List<String> supportedBillingCycles, @Nullable String termDuration, String contractType,
                       boolean cancellable, List<String> versions, List<String> languages, List<String> bitness) {
    }

    @Serdeable
    record AvailabilityResponse(String id, String catalogItemId, String country, String currency,
                                @JsonProperty("isPurchasable") boolean isPurchasable, MoneyJson listPrice,
                                boolean taxIncluded, List<Term> terms,
                                @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable MoneyJson baseComputePrice,
                                @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable HybridBenefit azureHybridBenefit) {
    }

    /**
     * Issue #16, the desk's own field beside Partner Center's: what the Azure Hybrid Benefit does for a VM reservation
     * whose price list has a base (Linux) rate. {@code applies}: customers whose Windows Server Datacenter or Standard
     * licences are covered by Software Assurance (or by a Windows Server subscription) pay {@code baseComputeRate}
     * instead of {@code windowsRate}, saving {@code saving} ({@code savingPercentage} of the Windows rate, two
     * decimals). Without the benefit only {@code windowsRate} and {@code reason} are written.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record HybridBenefit(boolean applies, MoneyJson windowsRate, @Nullable MoneyJson baseComputeRate,
                         @Nullable MoneyJson saving, @Nullable String savingPercentage, @Nullable String reason) {

        static HybridBenefit of(HybridBenefitQuote quote) {
            if (quote instanceof HybridBenefitQuote.WithBenefit with) {
                return new HybridBenefit(true, MoneyJson.of(with.windowsRate()), MoneyJson.of(with.baseComputeRate()),
                        MoneyJson.of(with.saving()), with.savingPercentage().toPlainString(), null);
            }
            return new HybridBenefit(false, MoneyJson.of(quote.windowsRate()), null, null, null,
                    ((HybridBenefitQuote.WithoutBenefit) quote).reason().code());
        }
    }

    /** {@code duration} is {@code null} for perpetual software. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Term(@Nullable String duration, String description) {
    }
}
