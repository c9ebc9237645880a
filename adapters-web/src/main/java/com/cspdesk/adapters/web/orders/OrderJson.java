package com.cspdesk.adapters.web.orders;

import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.catalog.MoneyJson;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.domain.money.PreTaxPrices;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.reservation.ReservationProvisioningPolicy;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * api.md "Orders": an order as every answer shows it ({@code POST}, {@code GET} one or a page, and the
 * cancelling {@code PATCH}) — Partner Center's Order resource with the desk's own fields beside it.
 * Partner Center's price fields are before tax, as its Order and Pricing say ("this information is
 * PRE-TAX", "price amounts are provided before taxation"): {@code totalPrice} is the order's net and a
 * line's {@code pricing} is its {@link PreTaxPrices}; the tax split is the desk's {@code totals} and a
 * line's {@code net}, {@code tax}, {@code gross}. Partner Center's prices are JSON numbers; the desk's
 * money stays {@code {amount, currency}} with a decimal string.
 */
public final class OrderJson {

    private OrderJson() {
    }

    public static OrderResponse of(OrderView order) {
        List<LineItemResponse> lines = order.lineItems().stream().map(line -> new LineItemResponse(
                line.lineItemNumber(), line.offerId(), line.subscriptionId().orElse(null), line.productId(), line.skuId(),
                line.friendlyName(), line.quantity(), line.termDuration().code().orElse(null), pricing(line.preTax()),
                MoneyJson.of(line.unitPrice()), MoneyJson.of(line.charged().net()), MoneyJson.of(line.charged().tax()),
                MoneyJson.of(line.charged().gross()), line.taxIncluded(), line.status().code(), provisioningContext(line))).toList();
        return new OrderResponse(order.id(), order.customerTenantId(), order.billingCycle(),
                order.currency().getCurrencyCode(), order.creationDate(), order.status().code(), lines,
                order.totals().net().amount(), totals(order.totals()), Map.of("self", new ResourceCollection.Link(self(order), "GET")));
    }

    /** {@code /v1/customers/{tenant id}/orders}: where a customer's orders are. */
    static String collection(String tenantId) {
        return "/v1/customers/" + tenantId + "/orders";
    }

    static String self(OrderView order) {
        return collection(order.customerTenantId()) + "/" + order.id();
    }

    public static Totals totals(PriceQuote quote) {
        return new Totals(MoneyJson.of(quote.net()), MoneyJson.of(quote.tax()), MoneyJson.of(quote.gross()));
    }

    /**
     * Partner Center's {@code provisioningContext} of a line (issue #16): where an Azure reservation applies —
     * {@code subscriptionId}, {@code scope}, {@code resourceGroup} (single scope only) and {@code duration} (the
     * term as Partner Center writes it) — and an empty map for every other line.
     */
    static Map<String, String> provisioningContext(OrderView.Line line) {
        return line.provisioning().map(provisioning -> {
            Map<String, String> context = new LinkedHashMap<>();
            context.put(ReservationProvisioningPolicy.SUBSCRIPTION_ID, provisioning.subscriptionId());
            context.put(ReservationProvisioningPolicy.SCOPE, provisioning.scope().code());
            provisioning.resourceGroup().ifPresent(group -> context.put(ReservationProvisioningPolicy.RESOURCE_GROUP, group));
            if (line.termDuration().hasTerm()) {
                context.put(ReservationProvisioningPolicy.DURATION, ReservationProvisioningPolicy.duration(line.termDuration()));
            }
            return context;
        }).orElseGet(LinkedHashMap::new);
    }

    private static Pricing pricing(PreTaxPrices prices) {
        BigDecimal unit = prices.unitPrice().amount();
        return new Pricing(unit, unit, unit, unit, prices.extendedPrice().amount());
    }

    /**
     * The order. {@code totalPrice} (Partner Center's) is before tax, in {@code currencyCode}: what {@code totals.net}
     * says, as a number.
     */
    @Serdeable
    public record OrderResponse(String id, String referenceCustomerId, String billingCycle, String currencyCode,
                                Instant creationDate, String status, List<LineItemResponse> lineItems, BigDecimal totalPrice,
                                Totals totals, Map<String, ResourceCollection.Link> links) {
    }

    /**
     * A line. {@code termDuration} is {@code null} for perpetual software; {@code subscriptionId} is {@code null} while
     * the line made no subscription (the desk keeps none yet). {@code pricing} is Partner Center's, before tax;
     * {@code unitPrice} is the catalog's list price as bought (tax included where {@code taxIncluded}).
     * {@code provisioningContext} is Partner Center's: where an Azure reservation applies, empty for other lines.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LineItemResponse(int lineItemNumber, String offerId, @Nullable String subscriptionId, String productId,
                                   String skuId, String friendlyName, int quantity, @Nullable String termDuration,
                                   Pricing pricing, MoneyJson unitPrice, MoneyJson net, MoneyJson tax, MoneyJson gross,
                                   boolean taxIncluded, String status, Map<String, String> provisioningContext) {
    }

    /**
     * Partner Center's Pricing of a line, before tax, in the order's currency: the unit price listed, after discounts,
     * after proration and as charged (the desk applies no discount or proration at purchase, so all four are one
     * price), and {@code extendedPrice}, the line with its quantity (what was bought, also once cancelled).
     */
    @Serdeable
    public record Pricing(BigDecimal listPrice, BigDecimal discountedPrice, BigDecimal proratedPrice, BigDecimal price,
                          BigDecimal extendedPrice) {
    }

    @Serdeable
    public record Totals(MoneyJson net, MoneyJson tax, MoneyJson gross) {
    }
}
