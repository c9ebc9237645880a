package com.cspdesk.adapters.web.subscriptions;

import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.catalog.MoneyJson;
import com.cspdesk.application.subscriptions.port.in.SubscriptionView;
import com.cspdesk.domain.money.PriceQuote;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Issue #16: a subscription as every answer shows it — Partner Center's Subscription resource where it
 * fits ({@code id}, {@code offerId}, {@code offerName}, {@code friendlyName}, {@code quantity},
 * {@code status}, {@code autoRenewEnabled}, {@code creationDate}, {@code effectiveStartDate} (the current
 * term's start), {@code commitmentEndDate} (its end), {@code termDuration}, {@code orderId},
 * {@code billingCycle}, {@code links}) and the desk's own fields beside it: the term number (1 is the
 * purchase), what a term costs, and whether the current renewal may be cancelled now and for what credit.
 * {@code status} is {@code active}, {@code expired} or {@code cancelled} (api.md), not PC's list.
 */
public final class SubscriptionJson {

    private SubscriptionJson() {
    }

    public static SubscriptionResponse of(SubscriptionView s) {
        SubscriptionView.RenewalCancellation rc = s.renewalCancellation();
        return new SubscriptionResponse(s.id(), s.offerId(), s.friendlyName(), s.friendlyName(), s.quantity(), s.status(),
                s.autoRenewEnabled(), s.creationDate(), s.termStart(), s.termEnd(), s.termDuration(), s.orderId(),
                s.lineItemNumber(), s.billingCycle(), s.termNumber(), charge(s.chargePerTerm()),
                new RenewalCancellationResponse(rc.cancellable(), rc.reason().orElse(null), rc.windowEndsAt().orElse(null),
                        rc.daysRemaining(), rc.credit().map(SubscriptionJson::charge).orElse(null)),
                Map.of("self", new ResourceCollection.Link(self(s.customerTenantId(), s.id()), "GET"),
                        "order", new ResourceCollection.Link("/v1/customers/" + s.customerTenantId() + "/orders/" + s.orderId(),
                                "GET")));
    }

    static String collection(String tenantId) {
        return "/v1/customers/" + tenantId + "/subscriptions";
    }

    static String self(String tenantId, String subscriptionId) {
        return collection(tenantId) + "/" + subscriptionId;
    }

    static Charge charge(PriceQuote quote) {
        return new Charge(MoneyJson.of(quote.net()), MoneyJson.of(quote.tax()), MoneyJson.of(quote.gross()));
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SubscriptionResponse(String id, String offerId, String offerName, String friendlyName, int quantity,
                                       String status, boolean autoRenewEnabled, Instant creationDate,
                                       Instant effectiveStartDate, Instant commitmentEndDate, String termDuration,
                                       String orderId, int lineItemNumber, String billingCycle, int termNumber,
                                       Charge chargePerTerm, RenewalCancellationResponse renewalCancellation,
                                       Map<String, ResourceCollection.Link> links) {
    }

    /** Whether the current renewal may be cancelled now ({@code reason} when not), until when, for what credit. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record RenewalCancellationResponse(boolean cancellable, @Nullable String reason, @Nullable Instant windowEndsAt,
                                              long daysRemaining, @Nullable Charge credit) {
    }

    @Serdeable
    public record Charge(MoneyJson net, MoneyJson tax, MoneyJson gross) {
    }

    /**
     * The API document's body of PATCH …/subscriptions/{subscriptionId}: one of the two (the controller reads
     * the body field by field; Partner Center's other Subscription fields may come along and are ignored).
     */
    @Schema(name = "SubscriptionPatch")
    record SubscriptionPatch(@Nullable Boolean autoRenewEnabled,
                             @Nullable @Schema(allowableValues = {"cancelled", "deleted", "active"}) String status) {
    }

    /** The API document's item type of GET …/subscriptions (a ResourceCollection of these). */
    record SubscriptionItems(List<SubscriptionResponse> items) {
    }
}
