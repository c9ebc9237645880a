package com.cspdesk.application.cancellation;

import com.cspdesk.application.cancellation.port.in.ListOrderCredits.OrderCredit;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.invoicing.port.in.InvoiceViews;
import com.cspdesk.application.invoicing.port.out.Invoices;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.credit.CreditReason;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class OrderCreditsReadingTest {

    private static final Instant BOUGHT = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant CANCELLED = Instant.parse("2026-11-30T09:15:00.123456Z");
    private static final Instant GOODWILL = Instant.parse("2026-12-02T08:00:00Z");
    private static final String TENANT = "11111111-1111-4111-8111-111111111111";
    private static final String OTHER_TENANT = "22222222-2222-4222-8222-222222222222";
    private static final Actor AGENT = Actor.partner("admin.agent@partner.example", Role.ADMIN_AGENT);
    private static final CustomerRef REF = CustomerRef.parse(TENANT).orElseThrow();
    private static final Currency EUR = Currency.getInstance("EUR");

    private final Customers customers = mock(Customers.class);
    private final Orders orders = mock(Orders.class);
    private final Credits credits = mock(Credits.class);
    private final Invoices invoices = mock(Invoices.class);
    private final OrderCreditsReading reading = new OrderCreditsReading(customers, orders, credits, invoices);

    @BeforeEach
    void setUp() {
        when(customers.byTenantId(TENANT)).thenReturn(Optional.of(new Customers.Customer(TENANT, "Contoso GmbH",
                "contoso.example", Market.of("DE"), BOUGHT)));
        when(orders.find(TENANT, "order-1")).thenReturn(Optional.of(order()));
    }

    @Test
    void eachNoteShowsTheInvoiceThatTookItOrNoneYet() {
        Credits.CreditNote cancellation = new Credits.CreditNote("cn-1", TENANT, "order-1", 0,
                ProductKind.PERPETUAL_SOFTWARE, quote("1000.00", "190.00"), CANCELLED, "agent");
        Credits.CreditNote goodwill = new Credits.CreditNote("cn-2", TENANT, "order-1", 1, ProductKind.PERPETUAL_SOFTWARE,
                quote("10.00", "1.90"), GOODWILL, "agent", CreditReason.GOODWILL, Optional.of("sorry"), Optional.empty());
        when(credits.ofOrder(TENANT, "order-1")).thenReturn(List.of(cancellation, goodwill));
        // The cancellation's instant also holds another order's credit and this line's charge: only its own credit counts.
        when(invoices.invoiced(eq(CANCELLED), eq(CANCELLED.plusNanos(1_000)), eq(Optional.empty()), anyInt())).thenReturn(List.of(
                item("INV-A", "charge", "order-1", 0), item("INV-B", "credit", "order-9", 0), item("INV-C", "credit", "order-1", 0)));
        when(invoices.invoiced(eq(GOODWILL), any(), any(), anyInt())).thenReturn(List.of());

        List<OrderCredit> shown = ((Lookup.Found<List<OrderCredit>>) reading.credits(REF, " order-1 ", AGENT)).value();

        assertThat(shown).hasSize(2);
        OrderCredit first = shown.get(0);
        assertThat(first.lineItemNumber()).isZero();
        assertThat(first.reason()).isEqualTo("cancellation");
        assertThat(first.grossCredited()).isEqualTo(Money.of("-1190.00", "EUR"));
        assertThat(first.invoiceId()).contains("INV-C");
        assertThat(first.billingMonth()).contains(YearMonth.of(2026, 11));
        assertThat(first.invoiced()).isTrue();
        OrderCredit second = shown.get(1);
        assertThat(second.reason()).isEqualTo("goodwill");
        assertThat(second.invoiced()).isFalse();
        assertThat(second.billingMonth()).isEmpty();
    }

    @Test
    void anotherTenantsOrderIsNotFoundAndReadingNeedsViewOrders() {
        assertThat(reading.credits(REF, "order-1", Actor.customer("it@other.example", OTHER_TENANT)))
                .isEqualTo(Lookup.notFound("customer_not_found"));
        assertThat(reading.credits(REF, "nope", AGENT)).isEqualTo(Lookup.notFound("order_not_found"));
        assertThat(reading.credits(REF, null, AGENT)).isEqualTo(Lookup.notFound("order_not_found"));
        assertThat(reading.credits(REF, "order-1", Actor.partner("accounts@partner.example", Role.ACCOUNT_ADMIN)))
                .isEqualTo(Lookup.notPermitted(Permission.VIEW_ORDERS));
        verifyNoInteractions(credits, invoices);
    }

    private static InvoiceViews.BillingItem item(String invoiceId, String kind, String orderId, int line) {
        return new InvoiceViews.BillingItem(Optional.of(invoiceId), Optional.of(YearMonth.of(2026, 11)), EUR, 0,
                new InvoiceViews.InvoiceLineView(kind, TENANT, "Contoso GmbH", orderId, line, "Thing", CANCELLED,
                        new InvoiceViews.Amounts(Money.of("-1000.00", "EUR"), Money.of("-190.00", "EUR"), Money.of("-1190.00", "EUR"))));
    }

    private static Orders.StoredOrder order() {
        PriceQuote charged = quote("1000.00", "190.00");
        return new Orders.StoredOrder("order-1", TENANT, "one_time", EUR, BOUGHT, OrderStatus.CANCELLED, charged, "agent",
                List.of(new Orders.StoredLine(0, "P:0001:A", "P", "0001", "A", "Thing", ProductKind.PERPETUAL_SOFTWARE,
                        TermDuration.NONE, 1, Money.of("1000.00", "EUR"), charged, false, LineStatus.CANCELLED, charged,
                        Optional.of(CANCELLED))));
    }

    private static PriceQuote quote(String net, String tax) {
        return PriceQuote.fromNetAndTax(Money.of(net, "EUR"), Money.of(tax, "EUR"));
    }
}
