package com.cspdesk.adapters.web.cancellation;

import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.catalog.MoneyJson;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

final class CancellationRequests {

    static final int MAX_LINE_ITEMS = 50;

    private CancellationRequests() {
    }

    /**
     * {@code PATCH /v1/customers/{id}/orders/{orderId}} as Partner Center's "cancel software
     * purchases": {@code status} must be {@code cancelled}, {@code acknowledged} is the dialog's
     * checkbox, {@code lineItems} left out cancels every active line. Other fields Partner Center
     * sends ({@code id}, a line's {@code offerId}) are ignored.
     */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CancelRequest(@Nullable @Size(max = 64) String status,
                         @Nullable Boolean acknowledged,
                         @Nullable @Size(min = 1, max = MAX_LINE_ITEMS) List<@NotNull @Valid LineItemRequest> lineItems) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record LineItemRequest(@NotNull @Min(0) Integer lineItemNumber) {
    }

    /** The preview: what the Cancel dialog shows before the user acknowledges. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PreviewResponse(String orderId, boolean cancellable, @Nullable String reason, @Nullable Instant windowEndsAt,
                           long daysRemaining, boolean supportRequestRequired, @Nullable String supportRequestUri,
                           List<PreviewLineResponse> lineItems, Credit totalCredit) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PreviewLineResponse(int lineItemNumber, String friendlyName, boolean cancellable, @Nullable String reason,
                               @Nullable Instant windowEndsAt, long daysRemaining, Credit credit) {
    }

    @Serdeable
    record Credit(MoneyJson net, MoneyJson tax, MoneyJson gross) {
    }

    /**
     * The order after the cancellation, field for field what {@code GET …/orders/{orderId}}
     * answers, plus {@code creditTotal}: what this cancellation credits on the next invoice.
     */
    @Serdeable
    record CancelledOrderResponse(String id, String referenceCustomerId, String billingCycle, String currencyCode,
                                  Instant creationDate, String status, List<LineItemResponse> lineItems, Credit totals,
                                  Map<String, ResourceCollection.Link> links, Credit creditTotal) {
    }

    /** As the order's line item: {@code termDuration} is {@code null} for perpetual software. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record LineItemResponse(int lineItemNumber, String offerId, String productId, String skuId, String friendlyName,
                            int quantity, @Nullable String termDuration, MoneyJson unitPrice, MoneyJson net,
                            MoneyJson tax, MoneyJson gross, boolean taxIncluded, String status) {
    }
}
