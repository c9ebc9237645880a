package com.cspdesk.adapters.web.customers;

import com.cspdesk.adapters.web.api.ResourceCollection;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

final class CustomerRequests {

    private CustomerRequests() {
    }

    /**
     * {@code POST /v1/customers}. Only presence and size are checked here; what makes a name,
     * domain or country valid is the use case's to say (it names the field).
     */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreateCustomerRequest(@NotNull @Valid CompanyProfile companyProfile,
                                 @NotNull @Valid BillingProfile billingProfile) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CompanyProfile(@Nullable @Size(max = 1024) String companyName, @Nullable @Size(max = 1024) String domain) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BillingProfile(@Nullable @Size(max = 64) String country) {
    }

    @Serdeable
    record CustomerResponse(String id, CompanyProfile companyProfile, BillingProfile billingProfile, Instant createdAt,
                            Map<String, ResourceCollection.Link> links) {
    }

    /** The API document's item type of the customer collection (GET /v1/customers). */
    record CustomerItems(List<CustomerResponse> items) {
    }
}
