package com.cspdesk.application.ordering.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;

import java.util.Currency;
import java.util.List;

/**
 * Spec "Buy software subscriptions on behalf of customers" step 3, the review: what an order would
 * cost if it were placed now — priced by the very code that prices a placed order — or the refusal
 * placing it would give. Nothing is stored.
 */
public interface QuoteOrder {

    /** Needs {@code PLACE_ORDER}: the review is the first step of placing. */
    QuoteOrderResult quote(PlaceOrder.PlaceOrderCommand command, Actor actor);

    sealed interface QuoteOrderResult {
    }

    record Quoted(OrderQuote quote) implements QuoteOrderResult {
    }

    /** The customer does not exist or the actor may not see it. */
    record CustomerNotFound() implements QuoteOrderResult {
    }

    /** The table does not let the actor place orders, so it gets no quote; nothing was looked at. */
    record NotPermitted(Permission permission) implements QuoteOrderResult {
    }

    /** Placing this order would be refused so. */
    record WouldBeRefused(PlaceOrder.Refused refusal) implements QuoteOrderResult {
    }

    /**
     * The order's lines and their sum. {@code taxIncluded}: the market's list prices contain the tax
     * (Australia, Brazil), so the unit price is a gross price; elsewhere tax comes on top.
     */
    record OrderQuote(String customerTenantId, Market market, String billingCycle, Currency currency, boolean taxIncluded,
                      List<QuotedLine> lines, PriceQuote totals) {
        public OrderQuote {
            lines = List.copyOf(lines);
        }
    }

    /** One line: {@code price} is its net, tax and gross for the quantity. */
    record QuotedLine(int lineItemNumber, String offerId, String productId, String productName, String skuId,
                      String skuName, int quantity, Money unitPrice, PriceQuote price) {
    }
}
