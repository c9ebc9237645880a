package com.cspdesk.application.ordering.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;

import java.util.List;

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

    /** {@code offerId} is the availability's catalogItemId, {@code productId:skuId:availabilityId}. */
    record LineItem(int lineItemNumber, String offerId, int quantity) {
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
     * Refused with a stable code; {@code field} names the input at fault (e.g.
     * {@code lineItems[1].quantity}) and {@code arguments} fill the message (e.g. the market).
     */
    record Refused(Reason reason, String field, List<String> arguments) implements PlaceOrderResult {
        public Refused {
            arguments = List.copyOf(arguments);
        }
    }

    enum Reason {
        /** No line items, or more than the limit. */
        LINE_ITEMS_INVALID("line_items_invalid", false),
        LINE_ITEM_NUMBER_DUPLICATE("line_item_number_duplicate", false),
        OFFER_INVALID("offer_invalid", false),
        OFFER_NOT_FOR_MARKET("offer_not_for_market", false),
        QUANTITY_OUT_OF_RANGE("quantity_out_of_range", false),
        BILLING_CYCLE_NOT_SUPPORTED("billing_cycle_not_supported", false),
        /** A business refusal, not bad input: e.g. an Azure reservation for a customer in Greenland. */
        MARKET_UNAVAILABLE("market_unavailable", true);

        private final String code;
        private final boolean businessRule;

        Reason(String code, boolean businessRule) {
            this.code = code;
            this.businessRule = businessRule;
        }

        public String code() {
            return code;
        }

        /** True for a refusal by a business rule (422), false for invalid input (400). */
        public boolean businessRule() {
            return businessRule;
        }
    }
}
