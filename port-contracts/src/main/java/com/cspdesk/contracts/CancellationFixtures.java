package com.cspdesk.contracts;

import com.cspdesk.application.cancellation.port.out.Credits.CreditNote;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders.StoredLine;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Orders as the ordering use case stores them (perpetual SQL Server lines, or Azure reservations), in euros, and their credits. */
public final class CancellationFixtures {

    public static final Instant BOUGHT = Instant.parse("2026-11-21T15:23:14.998601Z");

    private CancellationFixtures() {
    }

    public static Customers.Customer customer(String tenant) {
        return new Customers.Customer(tenant, "Allowance GmbH " + tenant.substring(0, 8), tenant + ".example",
                Market.of("DE"), BOUGHT);
    }

    public static StoredOrder order(String tenant, int lines, ProductKind kind) {
        Currency eur = Currency.getInstance("EUR");
        PriceQuote charged = new PriceQuote(Money.of("3629.40", "EUR"), Money.of("689.59", "EUR"), Money.of("4318.99", "EUR"));
        List<StoredLine> stored = new ArrayList<>();
        for (int n = 1; n <= lines; n++) {
            TermDuration term = kind == ProductKind.PERPETUAL_SOFTWARE ? TermDuration.NONE : TermDuration.P1Y;
            stored.add(new StoredLine(n, "DG7GMGF0MGVZ:0001:DZH318Z04FQR", "DG7GMGF0MGVZ", "0001", "DZH318Z04FQR",
                    "SQL Server 2022 Standard, 2 Core License Pack", kind, term, 1, Money.of("3629.40", "EUR"), charged,
                    false, LineStatus.ACTIVE, PriceQuote.zero(eur), Optional.empty()));
        }
        return new StoredOrder(UUID.randomUUID().toString(), tenant, "one_time", eur, BOUGHT, OrderStatus.COMPLETED,
                PriceQuote.total(eur, stored.stream().map(StoredLine::charged).toList()), "admin.agent@partner.demo",
                stored);
    }

    public static PriceQuote credit(String net, String tax) {
        return PriceQuote.fromNetAndTax(Money.of(net, "EUR"), Money.of(tax, "EUR"));
    }

    public static CreditNote note(StoredOrder order, int line, ProductKind kind, PriceQuote credit, Instant issuedAt) {
        return new CreditNote(UUID.randomUUID().toString(), order.customerTenantId(), order.id(), line, kind, credit,
                issuedAt, "admin.agent@partner.demo");
    }
}
