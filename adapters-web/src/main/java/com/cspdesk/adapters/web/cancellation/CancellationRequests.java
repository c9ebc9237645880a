package com.cspdesk.adapters.web.cancellation;

import com.cspdesk.adapters.web.catalog.MoneyJson;
import com.cspdesk.adapters.web.orders.OrderJson;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

final class CancellationRequests {

    static final int MAX_LINE_ITEMS = 50;

    private CancellationRequests() {
    }

    /**
     * {@code PATCH /v1/customers/{id}/orders/{orderId}} as Partner Center's "Cancel software
     * purchases": the order with {@code status} {@code cancelled} and the lines to cancel
     * ({@code lineItems} left out cancels every active line). Everything else a Partner Center client
     * sends with it ({@code id}, {@code totalPrice}, {@code links}, a line's {@code offerId},
     * {@code quantity}, {@code pricing}, …) is ignored. The call itself acknowledges the consequences;
     * {@code acknowledged}, the desk's own field, may be left out, and {@code false} refuses.
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
     * answers ({@link OrderJson}), plus {@code creditTotal}: what this cancellation credits on the next invoice.
     */
    @Serdeable
    record CancelledOrderResponse(@JsonUnwrapped OrderJson.OrderResponse order, Credit creditTotal) {
    }
}
