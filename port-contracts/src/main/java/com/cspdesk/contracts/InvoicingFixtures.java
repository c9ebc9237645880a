package com.cspdesk.contracts;

import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredLine;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.credit.CreditReason;
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

/** Customers, orders and credit notes made through the ports, for the invoicing contracts. */
public class InvoicingFixtures {

    private final Customers customers;
    private final Orders orders;
    private final Credits credits;

    public InvoicingFixtures(Customers customers, Orders orders, Credits credits) {
        this.customers = customers;
        this.orders = orders;
        this.credits = credits;
    }

    public String customer(String companyName) {
        String tenant = UUID.randomUUID().toString();
        customers.add(new Customers.Customer(tenant, companyName, tenant.substring(0, 8) + ".example", Market.of("DE"),
                Instant.parse("2026-01-01T00:00:00Z")));
        return tenant;
    }

    /** An order whose lines cost the given net and tax amounts ({@code {"100.10", "19.02"}, …}). */
    public StoredOrder order(String tenant, String currency, Instant createdAt, String[]... netAndTax) {
        Currency c = Currency.getInstance(currency);
        List<StoredLine> lines = new ArrayList<>();
        for (int i = 0; i < netAndTax.length; i++) {
            PriceQuote charged = PriceQuote.fromNetAndTax(Money.of(netAndTax[i][0], currency), Money.of(netAndTax[i][1], currency));
            lines.add(new StoredLine(i + 1, "DG7GMGF0MGVZ:0001:DZH318Z04FQR", "DG7GMGF0MGVZ", "0001", "DZH318Z04FQR",
                    "SQL Server 2022 Standard #" + (i + 1), ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, 1,
                    charged.net(), charged, false, LineStatus.ACTIVE, PriceQuote.zero(c), Optional.empty()));
        }
        StoredOrder order = new StoredOrder(UUID.randomUUID().toString(), tenant, "one_time", c, createdAt,
                OrderStatus.COMPLETED, PriceQuote.total(c, lines.stream().map(StoredLine::charged).toList()),
                "admin.agent@partner.demo", lines);
        orders.add(order);
        return order;
    }

    /** The whole charge of the line given back. */
    public void credit(StoredOrder order, int line, Instant issuedAt) {
        credits.issue(List.of(new Credits.CreditNote(UUID.randomUUID().toString(), order.customerTenantId(), order.id(),
                line, ProductKind.PERPETUAL_SOFTWARE, order.lines().get(line - 1).charged(), issuedAt,
                "admin.agent@partner.demo")));
    }

    /** A goodwill credit of that gross amount (no tax in it: enough for the invoices). */
    public void goodwill(StoredOrder order, int line, String gross, Instant issuedAt) {
        Money amount = Money.of(gross, order.currency().getCurrencyCode());
        credits.issue(List.of(new Credits.CreditNote(UUID.randomUUID().toString(), order.customerTenantId(), order.id(),
                line, ProductKind.PERPETUAL_SOFTWARE, PriceQuote.fromNetAndTax(amount, Money.zero(order.currency())), issuedAt,
                "account.admin@partner.demo", CreditReason.GOODWILL, Optional.of("goodwill"), Optional.empty())));
    }

    public static String[] line(String net, String tax) {
        return new String[]{net, tax};
    }
}
