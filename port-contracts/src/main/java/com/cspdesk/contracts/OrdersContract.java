package com.cspdesk.contracts;

import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.Cursor;
import com.cspdesk.application.ordering.port.out.Orders.StoredLine;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import com.cspdesk.domain.reservation.ReservationProvisioning;
import com.cspdesk.domain.reservation.ReservationScope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Orders} must do: an order and its lines stored together or not at all, read
 * back exactly (money to the minor unit, microseconds), only through its own customer, in keyset
 * pages newest first. Each test uses customers of its own.
 */
public abstract class OrdersContract extends PortContract {

    private static final Instant AT = Instant.parse("2026-11-21T15:23:14.998601Z");

    @Test
    void aForintOrderRoundTripsToTheFillerWithItsLines() {
        String tenant = tenant();
        // Hungary: 27 % VAT on top of the list price.
        StoredLine datacenter = line(1, "DG7GMGF043ZJ:0001:DZH318Z00A48", "DG7GMGF043ZJ", "0001", "DZH318Z00A48",
                "Windows Server 2022 Datacenter, 16 Core License Pack", ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE,
                3, money("2215800.00", "HUF"), quote("6647400.00", "1794798.00", "8442198.00", "HUF"), false);
        StoredLine sqlSubscription = line(2, "DG7GMGF0L2EI:0001:DZH318Z0KBUX", "DG7GMGF0L2EI", "0001", "DZH318Z0KBUX",
                "SQL Server 2022 Standard Subscription, 2 Core License Pack, 1 year", ProductKind.SQL_SERVER_SUBSCRIPTION,
                TermDuration.P1Y, 2, money("315360.00", "HUF"), quote("630720.00", "170294.40", "801014.40", "HUF"), false);
        StoredOrder order = order(tenant, "HUF", AT, List.of(datacenter, sqlSubscription));

        port(Orders.class).add(order);

        StoredOrder read = port(Orders.class).find(tenant, order.id()).orElseThrow();
        assertThat(read).isEqualTo(order);
        assertThat(read.totals().gross()).isEqualTo(money("9243212.40", "HUF"));
        assertThat(read.lines().get(1).charged().tax().amount()).hasToString("170294.40");
        assertThat(read.lines().get(0).term()).isEqualTo(TermDuration.NONE);
        assertThat(read.lines().get(0).credited()).isEqualTo(PriceQuote.zero(Currency.getInstance("HUF")));
    }

    @Test
    void anAustralianOrderKeepsItsTaxIncludedPricesToTheCent() {
        String tenant = tenant();
        // Australia: the list price includes 10 % GST, tax is gross / 11.
        StoredLine reservation = line(1, "DG7GMGF01Z2K:0001:DZH318Z00BWR", "DG7GMGF01Z2K", "0001", "DZH318Z00BWR",
                "Reserved VM Instance, Standard_D2s_v5 Windows, West Europe, 1 year", ProductKind.AZURE_RESERVATION_VM,
                TermDuration.P1Y, 1, money("1524.86", "AUD"), quote("1386.24", "138.62", "1524.86", "AUD"), true);
        StoredLine suse = line(2, "DG7GMGF086YL:0002:DZH318Z0F14U", "DG7GMGF086YL", "0002", "DZH318Z0F14U",
                "SUSE Linux Enterprise Server software plan, SLES, 1-2 vCPUs, 3 years", ProductKind.SUSE_LINUX_SOFTWARE_PLAN,
                TermDuration.P3Y, 3, money("1976.30", "AUD"), quote("5389.91", "538.99", "5928.90", "AUD"), true);
        StoredOrder order = order(tenant, "AUD", AT, List.of(reservation, suse));

        port(Orders.class).add(order);

        StoredOrder read = port(Orders.class).find(tenant, order.id()).orElseThrow();
        assertThat(read).isEqualTo(order);
        assertThat(read.lines()).allMatch(StoredLine::taxIncluded);
        assertThat(read.totals()).isEqualTo(quote("6776.15", "677.61", "7453.76", "AUD"));
    }

    @Test
    void aEuroOrderWithACancelledLineKeepsItsCreditAndCancellationTime() {
        String tenant = tenant();
        Instant cancelledAt = AT.plusSeconds(86_400 * 3).plusNanos(123_456_000);
        StoredLine standard = line(1, "DG7GMGF0BHXC:0002:DZH318Z0SBXB", "DG7GMGF0BHXC", "0002", "DZH318Z0SBXB",
                "Windows Server 2022 Standard, 2 Core License Pack", ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE,
                7, money("123.28", "EUR"), quote("862.96", "163.96", "1026.92", "EUR"), false);
        PriceQuote charged = quote("11.01", "2.09", "13.10", "EUR");
        StoredLine cancelled = new StoredLine(2, "DG7GMGF0K90R:0002:DZH318Z0AAAA", "DG7GMGF0K90R", "0002",
                "DZH318Z0AAAA", "Windows Server 2022 Standard Subscription, 16 Core License Pack, 3 years",
                ProductKind.WINDOWS_SERVER_SUBSCRIPTION, TermDuration.P3Y, 1, money("11.01", "EUR"), charged, false,
                LineStatus.CANCELLED, quote("10.99", "2.09", "13.08", "EUR"), Optional.of(cancelledAt));
        StoredOrder order = new StoredOrder(UUID.randomUUID().toString(), tenant, "one_time",
                Currency.getInstance("EUR"), AT, OrderStatus.COMPLETED,
                PriceQuote.total(Currency.getInstance("EUR"), List.of(standard.charged(), charged)), "admin.agent@partner.demo",
                List.of(standard, cancelled));

        port(Orders.class).add(order);

        StoredOrder read = port(Orders.class).find(tenant, order.id()).orElseThrow();
        assertThat(read).isEqualTo(order);
        assertThat(read.lines().get(1).status()).isEqualTo(LineStatus.CANCELLED);
        assertThat(read.lines().get(1).cancelledAt()).contains(cancelledAt);
        assertThat(read.lines().get(1).credited().net()).isEqualTo(money("10.99", "EUR"));
    }

    @Test
    void anOrderIsOnlyFoundThroughItsOwnCustomer() {
        String tenant = tenant();
        StoredOrder order = simpleOrder(tenant, AT, "only-mine-" + UUID.randomUUID());
        port(Orders.class).add(order);

        assertThat(port(Orders.class).find(tenant(), order.id())).isEmpty();
        assertThat(port(Orders.class).find(tenant, "no-such-order")).isEmpty();
        assertThat(port(Orders.class).find(tenant, order.id())).contains(order);
    }

    @Test
    void pagesComeNewestFirstWithTheIdBreakingTiesAndTheCursorContinuing() {
        String tenant = tenant();
        String neighbour = tenant();
        List<StoredOrder> placed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Orders 2, 3 and 4 share one instant: the id (descending) orders them.
            Instant createdAt = i >= 2 && i <= 4 ? AT.plusSeconds(200) : AT.plusSeconds(i * 60L).plusNanos(i * 1000L);
            placed.add(simpleOrder(tenant, createdAt, "order-" + (char) ('a' + (i * 3) % 7)));
        }
        for (StoredOrder order : placed) {
            port(Orders.class).add(order);
        }
        port(Orders.class).add(simpleOrder(neighbour, AT.plusSeconds(10_000), "order-neighbour"));

        List<StoredOrder> expected = new ArrayList<>(placed);
        expected.sort(Comparator.comparing(StoredOrder::createdAt).thenComparing(StoredOrder::id).reversed());

        List<StoredOrder> first = port(Orders.class).page(tenant, Optional.empty(), 3);
        List<StoredOrder> second = port(Orders.class).page(tenant, Optional.of(cursorOf(first)), 3);
        List<StoredOrder> third = port(Orders.class).page(tenant, Optional.of(cursorOf(second)), 3);
        List<StoredOrder> fourth = port(Orders.class).page(tenant, Optional.of(cursorOf(third)), 3);

        assertThat(first).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(second).containsExactlyElementsOf(expected.subList(3, 6));
        assertThat(third).containsExactlyElementsOf(expected.subList(6, 7));
        assertThat(fourth).isEmpty();
        assertThat(first.get(0).lines()).hasSize(1);
        assertThat(port(Orders.class).count(tenant)).isEqualTo(7);
        assertThat(port(Orders.class).count(neighbour)).isEqualTo(1);
        assertThat(port(Orders.class).count(tenant())).isZero();
        assertThat(port(Orders.class).page(tenant(), Optional.empty(), 3)).isEmpty();
    }

    @Test
    void anOrderIdIsStoredOnce() {
        String tenant = tenant();
        StoredOrder first = simpleOrder(tenant, AT, UUID.randomUUID().toString());
        port(Orders.class).add(first);
        StoredOrder again = simpleOrder(tenant, AT.plusSeconds(1), first.id());

        assertThatThrownBy(() -> port(Orders.class).add(again)).isInstanceOf(RuntimeException.class);
        assertThat(port(Orders.class).find(tenant, first.id())).contains(first);
        assertThat(port(Orders.class).count(tenant)).isEqualTo(1);
    }

    @Test
    void aFailedLineLeavesNoHalfOrderBehind() {
        String tenant = tenant();
        StoredLine line = simpleOrder(tenant, AT, "x").lines().get(0);
        StoredOrder twoLinesWithOneNumber = new StoredOrder(UUID.randomUUID().toString(), tenant, "one_time",
                Currency.getInstance("USD"), AT, OrderStatus.COMPLETED,
                PriceQuote.total(Currency.getInstance("USD"), List.of(line.charged(), line.charged())), "agent",
                List.of(line, line));

        assertThatThrownBy(() -> port(Orders.class).add(twoLinesWithOneNumber)).isInstanceOf(RuntimeException.class);
        assertThat(port(Orders.class).find(tenant, twoLinesWithOneNumber.id())).isEmpty();
        assertThat(port(Orders.class).count(tenant)).isZero();
    }

    @Test
    void anOrderAddedInsideTheCallersTransactionRollsBackWithIt() {
        String tenant = tenant();
        StoredOrder order = simpleOrder(tenant, AT, UUID.randomUUID().toString());
        assertThatThrownBy(() -> inTransaction(() -> {
            port(Orders.class).add(order);
            throw new IllegalStateException("the entitlement could not be granted");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(port(Orders.class).find(tenant, order.id())).isEmpty();
    }

    private static Cursor cursorOf(List<StoredOrder> page) {
        StoredOrder last = page.get(page.size() - 1);
        return new Cursor(last.createdAt(), last.id());
    }

    private static StoredOrder simpleOrder(String tenant, Instant createdAt, String id) {
        StoredLine line = line(1, "DG7GMGF0BHXC:0002:DZH318Z08UGL", "DG7GMGF0BHXC", "0002", "DZH318Z08UGL",
                "Windows Server 2022 Standard, 2 Core License Pack", ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE,
                1, money("134.00", "USD"), quote("134.00", "0.00", "134.00", "USD"), false);
        return new StoredOrder(id, tenant, "one_time", Currency.getInstance("USD"), createdAt, OrderStatus.COMPLETED,
                line.charged(), "sales.agent@partner.demo", List.of(line));
    }

    // Issue #16 reservations provisioned

    @Test
    void aReservationLineKeepsWhereItAppliesAndOtherLinesHaveNoContext() {
        String tenant = tenant();
        ReservationProvisioning single = new ReservationProvisioning("5a3c8b4e-0c2f-4d6e-9f1a-2b3c4d5e6f70",
                ReservationScope.SINGLE, Optional.of("Ressourcengruppe-Größe.(eu)_" + "r".repeat(62)));
        StoredOrder order = order(tenant, "EUR", AT, List.of(reservation(0, single), perpetual(1)));

        port(Orders.class).add(order);

        StoredOrder read = port(Orders.class).find(tenant, order.id()).orElseThrow();
        assertThat(read).isEqualTo(order);
        assertThat(read.lines().get(0).provisioning()).contains(single);
        assertThat(read.lines().get(1).provisioning()).isEmpty();
    }

    @Test
    void aReservationsScopeChangesOnItsLineOnlyThroughItsCustomer() {
        String tenant = tenant();
        ReservationProvisioning shared = new ReservationProvisioning("5a3c8b4e-0c2f-4d6e-9f1a-2b3c4d5e6f70",
                ReservationScope.SHARED, Optional.empty());
        ReservationProvisioning single = new ReservationProvisioning("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9",
                ReservationScope.SINGLE, Optional.of("rg-web"));
        StoredOrder order = order(tenant, "EUR", AT, List.of(reservation(0, shared), reservation(1, shared)));
        port(Orders.class).add(order);

        assertThat(port(Orders.class).changeProvisioning(tenant(), order.id(), 0, single)).isFalse();
        assertThat(port(Orders.class).changeProvisioning(tenant, UUID.randomUUID().toString(), 0, single)).isFalse();
        assertThat(port(Orders.class).changeProvisioning(tenant, order.id(), 7, single)).isFalse();
        assertThat(port(Orders.class).find(tenant, order.id()).orElseThrow()).isEqualTo(order);

        assertThat(port(Orders.class).changeProvisioning(tenant, order.id(), 1, single)).isTrue();

        StoredOrder read = port(Orders.class).find(tenant, order.id()).orElseThrow();
        assertThat(read.lines().get(0).provisioning()).contains(shared);
        assertThat(read.lines().get(1).provisioning()).contains(single);
        assertThat(read.lines().get(1).withProvisioning(shared)).isEqualTo(order.lines().get(1));
    }

    @Test
    void aCancelledReservationsScopeDoesNotChange() {
        String tenant = tenant();
        ReservationProvisioning shared = new ReservationProvisioning("5a3c8b4e-0c2f-4d6e-9f1a-2b3c4d5e6f70",
                ReservationScope.SHARED, Optional.empty());
        StoredLine active = reservation(0, shared);
        StoredLine cancelled = new StoredLine(active.lineItemNumber(), active.offerId(), active.productId(), active.skuId(),
                active.availabilityId(), active.friendlyName(), active.kind(), active.term(), active.quantity(),
                active.unitPrice(), active.charged(), active.taxIncluded(), LineStatus.CANCELLED, active.charged(),
                Optional.of(AT.plusSeconds(60)), Optional.of(shared));
        StoredOrder order = new StoredOrder(UUID.randomUUID().toString(), tenant, "one_time", Currency.getInstance("EUR"), AT,
                OrderStatus.CANCELLED, active.charged(), "admin.agent@partner.demo", List.of(cancelled));
        port(Orders.class).add(order);

        assertThat(port(Orders.class).changeProvisioning(tenant, order.id(), 0, new ReservationProvisioning(
                shared.subscriptionId(), ReservationScope.SINGLE, Optional.of("rg")))).isFalse();
        assertThat(port(Orders.class).find(tenant, order.id()).orElseThrow()).isEqualTo(order);
    }

    private static StoredLine reservation(int number, ReservationProvisioning provisioning) {
        return new StoredLine(number, "DG7GMGF01Z2K:0001:DZH318Z00BWR", "DG7GMGF01Z2K", "0001", "DZH318Z00BWR",
                "Reserved VM Instance, Standard_D2s_v5 Windows, West Europe, 1 year", ProductKind.AZURE_RESERVATION_VM,
                TermDuration.P1Y, 1, money("1019.00", "EUR"), quote("1019.00", "193.61", "1212.61", "EUR"), false,
                LineStatus.ACTIVE, PriceQuote.zero(Currency.getInstance("EUR")), Optional.empty(), Optional.of(provisioning));
    }

    private static StoredLine perpetual(int number) {
        return line(number, "DG7GMGF043ZJ:0001:DZH318Z00A48", "DG7GMGF043ZJ", "0001", "DZH318Z00A48",
                "Windows Server 2022 Datacenter, 16 Core License Pack", ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE,
                1, money("5000.00", "EUR"), quote("5000.00", "950.00", "5950.00", "EUR"), false);
    }

    private static StoredOrder order(String tenant, String currency, Instant createdAt, List<StoredLine> lines) {
        Currency c = Currency.getInstance(currency);
        return new StoredOrder(UUID.randomUUID().toString(), tenant, "one_time", c, createdAt, OrderStatus.COMPLETED,
                PriceQuote.total(c, lines.stream().map(StoredLine::charged).toList()), "admin.agent@partner.demo", lines);
    }

    private static StoredLine line(int number, String offerId, String productId, String skuId, String availabilityId,
                                   String name, ProductKind kind, TermDuration term, int quantity, Money unitPrice,
                                   PriceQuote charged, boolean taxIncluded) {
        return new StoredLine(number, offerId, productId, skuId, availabilityId, name, kind, term, quantity, unitPrice,
                charged, taxIncluded, LineStatus.ACTIVE, PriceQuote.zero(unitPrice.currency()), Optional.empty());
    }

    private static PriceQuote quote(String net, String tax, String gross, String currency) {
        return new PriceQuote(money(net, currency), money(tax, currency), money(gross, currency));
    }

    private static Money money(String amount, String currency) {
        return Money.of(amount, currency);
    }

    private static String tenant() {
        return UUID.randomUUID().toString();
    }
}
