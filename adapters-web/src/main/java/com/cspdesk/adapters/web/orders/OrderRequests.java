package com.cspdesk.adapters.web.orders;

import com.cspdesk.domain.order.OrderPlacementPolicy;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

final class OrderRequests {

    static final int MAX_LINE_ITEMS = OrderPlacementPolicy.MAX_LINE_ITEMS;

    private OrderRequests() {
    }

    /** The API document's item type of GET /v1/customers/{customerId}/orders (a ResourceCollection of these). */
    record OrderItems(List<OrderJson.OrderResponse> items) {
    }

    /**
     * {@code POST /v1/customers/{id}/orders}. {@code status} is read-only (as in Partner Center):
     * it is declared only so that sending it can be refused; other unknown fields are ignored.
     */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PlaceOrderRequest(@Nullable @Size(max = 64) String status,
                             @NotBlank @Size(max = 64) String billingCycle,
                             @NotEmpty @Size(max = MAX_LINE_ITEMS) List<@NotNull @Valid LineItemRequest> lineItems) {
    }

    /**
     * {@code provisioningContext} is Partner Center's string map: an Azure reservation's subscription, scope, resource
     * group and duration (required on reservation lines, refused on others; judged by the domain's rules).
     * {@code quantity} is read as the JSON value itself so that {@code 1.5} and {@code "2"} are refused
     * (at {@code lineItems[i].quantity}) instead of being rounded or converted.
     */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record LineItemRequest(@NotNull @Min(0) Integer lineItemNumber,
                           @NotBlank @Size(max = 256) String offerId,
                           @NotNull @WholeNumber(min = 1, max = Integer.MAX_VALUE) JsonNode quantity,
                           @Nullable @Size(max = 20) Map<String, @Size(max = 256) String> provisioningContext) {

        /** The quantity, once validation has let the request through. */
        int wholeQuantity() {
            return WholeNumberValidator.wholeNumber(quantity).orElseThrow().intValueExact();
        }
    }
}
