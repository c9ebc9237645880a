package com.cspdesk.adapters.web.ui.customers;

import com.cspdesk.application.cancellation.port.in.ListOrderCredits.OrderCredit;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PreTaxPrices;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The order page's and the order list's credits: added up per line and per order, only cancelled orders read. */
class OrderCreditsTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aLinesCreditsAreAddedUpAndTheOrdersTotalIsEveryNote() {
        OrderView order = order("order-1", LineStatus.CANCELLED, LineStatus.ACTIVE);
        List<OrderCredit> credits = List.of(credit(0, "100.00", "19.00", "cancellation"), credit(0, "1.00", "0.19", "goodwill"),
                credit(1, "2.00", "0.38", "goodwill"));

        Map<String, Object> model = OrderCredits.model(order, credits);

        assertThat(model.get("credits")).isEqualTo(credits);
        assertThat(model.get("lineCredits")).isEqualTo(Map.of(0, quote("101.00", "19.19"), 1, quote("2.00", "0.38")));
        assertThat(model.get("lineNames")).isEqualTo(Map.of(0, "Thing 0", 1, "Thing 1"));
        assertThat(model.get("creditTotal")).isEqualTo(quote("103.00", "19.57"));
        assertThat(credits.get(0).grossCredited()).isEqualTo(Money.of("-119.00", "EUR"));
    }

    @Test
    void theListReadsTheCreditsOfOrdersWithACancelledLineOnly() {
        List<String> read = new ArrayList<>();
        Map<String, PriceQuote> totals = OrderCredits.ofCancelled(List.of(order("active", LineStatus.ACTIVE),
                order("cancelled", LineStatus.CANCELLED), order("part", LineStatus.ACTIVE, LineStatus.CANCELLED),
                order("nothing-yet", LineStatus.CANCELLED)), orderId -> {
                    read.add(orderId);
                    return orderId.equals("nothing-yet") ? List.of() : List.of(credit(0, "10.00", "1.90", "cancellation"));
                });

        assertThat(read).containsExactly("cancelled", "part", "nothing-yet");
        assertThat(totals).containsOnlyKeys("cancelled", "part");
        assertThat(totals.get("cancelled")).isEqualTo(quote("10.00", "1.90"));
    }

    private static OrderCredit credit(int line, String net, String tax, String reason) {
        return new OrderCredit("cn-" + line + reason, line, reason, quote(net, tax), AT, Optional.empty(), Optional.empty());
    }

    private static OrderView order(String id, LineStatus... statuses) {
        List<OrderView.Line> lines = new ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            PriceQuote charged = quote("100.00", "19.00");
            lines.add(new OrderView.Line(i, "P:0001:A", "P", "0001", "Thing " + i, statuses[i] == LineStatus.CANCELLED ? 0 : 1,
                    TermDuration.NONE, Money.of("100.00", "EUR"), charged, false, statuses[i],
                    PreTaxPrices.of(Money.of("100.00", "EUR"), 1, charged, false), Optional.empty()));
        }
        return new OrderView(id, "tenant", "one_time", EUR, AT, OrderStatus.COMPLETED, lines,
                PriceQuote.total(EUR, lines.stream().map(OrderView.Line::charged).toList()), "agent");
    }

    private static PriceQuote quote(String net, String tax) {
        return PriceQuote.fromNetAndTax(Money.of(net, "EUR"), Money.of(tax, "EUR"));
    }
}
