package com.cspdesk.application.ordering.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.order.OrderPlacement;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Spec "Buy software subscriptions on behalf of customers": an order for one customer, priced
 * and taxed by the domain's rules, stored with its entitlements and its activity record in one
 * transaction.
 */
public interface PlaceOrder {

    PlaceOrderResult place(PlaceOrderCommand command, Actor actor);

    record PlaceOrderCommand(CustomerRef customer, String billingCycle, List<LineItem> lineItems) {
        public PlaceOrderCommand {
            lineItems = lineItems == null ? List.of() : List.copyOf(lineItems);
        }
    }

    /**
     * {@code offerId} is the availability's catalogItemId, {@code productId:skuId:availabilityId}.
     * {@code provisioningContext} is Partner Center's string map (an Azure reservation's subscription, scope,
     * resource group and duration; empty for other lines), judged by the domain's ReservationProvisioningPolicy.
     */
    record LineItem(int lineItemNumber, String offerId, int quantity, Map<String, String> provisioningContext) {
        public LineItem {
            provisioningContext = provisioningContext == null ? Map.of() : provisioningContext.entrySet().stream()
                    .filter(entry -> entry.getKey() != null && entry.getValue() != null)
                    .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        }

        /** A line without a provisioning context. */
        public LineItem(int lineItemNumber, String offerId, int quantity) {
            this(lineItemNumber, offerId, quantity, Map.of());
        }
    }

    sealed interface PlaceOrderResult {
    }

    record Placed(OrderView order) implements PlaceOrderResult {
    }

    /** The customer does not exist or the actor may not see it. */
    record CustomerNotFound() implements PlaceOrderResult {
    }

    /** The table does not let the actor place orders; nothing was looked at or stored. */
    record NotPermitted(Permission permission) implements PlaceOrderResult {
    }

    /**
     * Refused by the domain's {@link com.cspdesk.domain.order.OrderPlacementPolicy}: {@code reason} (its stable problem code, and whether
     * it is a business rule or bad input), the line at fault by its index in {@code lineItems} (empty when the
     * list as a whole is at fault), and the values the refusal names. Field paths are the caller's business.
     */
    record Refused(OrderPlacement.Reason reason, OptionalInt lineIndex, List<String> arguments) implements PlaceOrderResult {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(lineIndex, "lineIndex");
            arguments = List.copyOf(arguments);
        }

        public static Refused of(OrderPlacement.Refused refusal) {
            return new Refused(refusal.reason(), refusal.lineIndex(), refusal.arguments());
        }

        /** Which part of the request (or of the line at {@link #lineIndex()}) is at fault. */
        public OrderPlacement.Part part() {
            return reason.part();
        }
    }
}
