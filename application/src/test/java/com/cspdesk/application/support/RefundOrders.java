package com.cspdesk.application.support;

import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** An order of one EUR line (no tax) with some of it credited already: what a refund request names. */
final class RefundOrders {

    private RefundOrders() {
    }

    static Orders.StoredOrder order(String id, String tenant, Instant placed, String gross, String credited) {
        Money g = Money.of(gross, "EUR");
        PriceQuote charged = PriceQuote.fromGrossAndTax(g, Money.of("0.00", "EUR"));
        PriceQuote creditedQuote = PriceQuote.fromGrossAndTax(Money.of(credited, "EUR"), Money.of("0.00", "EUR"));
        Orders.StoredLine line = new Orders.StoredLine(1, "offer", "product", "sku", "availability", "Windows Server",
                ProductKind.WINDOWS_SERVER_SUBSCRIPTION, TermDuration.P1Y, 1, g, charged, true, LineStatus.ACTIVE, creditedQuote,
                Optional.empty());
        return new Orders.StoredOrder(id, tenant, "monthly", Currency.getInstance("EUR"), placed, OrderStatus.COMPLETED, charged,
                "admin.agent@partner.example", List.of(line));
    }
}
