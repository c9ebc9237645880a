package com.cspdesk.adapters.web.ui.customers;

import com.cspdesk.application.cancellation.port.in.ListOrderCredits.OrderCredit;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the order page shows of an order's credit notes: each line's credits added up (a cancelled
 * line shows them, negative, where its amounts were), every note with its invoice, and the credits' total.
 */
final class OrderCredits {

    private OrderCredits() {
    }

    /**
     * The credits of the orders with a cancelled line, added up per order id; orders without one are not
     * read. What the order list shows for a cancelled order instead of what it once cost.
     */
    static Map<String, PriceQuote> ofCancelled(List<OrderView> orders, Function<String, List<OrderCredit>> credits) {
        Map<String, PriceQuote> totals = new HashMap<>();
        for (OrderView order : orders) {
            if (order.lineItems().stream().anyMatch(line -> line.status() == LineStatus.CANCELLED)) {
                List<OrderCredit> notes = credits.apply(order.id());
                if (!notes.isEmpty()) {
                    totals.put(order.id(), PriceQuote.total(order.currency(), notes.stream().map(OrderCredit::credit).toList()));
                }
            }
        }
        return totals;
    }

    /** {@code credits} (the notes, oldest first), {@code lineCredits} (line number → its notes added up), {@code creditTotal}. */
    static Map<String, Object> model(OrderView order, List<OrderCredit> credits) {
        Map<Integer, PriceQuote> byLine = new HashMap<>();
        for (OrderCredit credit : credits) {
            byLine.merge(credit.lineItemNumber(), credit.credit(), PriceQuote::plus);
        }
        Map<Integer, String> names = new HashMap<>();
        order.lineItems().forEach(line -> names.put(line.lineItemNumber(), line.friendlyName()));
        Map<String, Object> model = new HashMap<>();
        model.put("credits", credits);
        model.put("lineCredits", byLine);
        model.put("lineNames", names);
        model.put("creditTotal", PriceQuote.total(order.currency(), credits.stream().map(OrderCredit::credit).toList()));
        return model;
    }
}
