package com.cspdesk.application.ordering;

import com.cspdesk.application.TestActors;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.application.ordering.port.in.PlaceOrder;
import com.cspdesk.application.ordering.port.in.PlaceOrder.LineItem;
import com.cspdesk.application.ordering.port.in.PlaceOrder.PlaceOrderCommand;
import com.cspdesk.application.ordering.port.in.QuoteOrder;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.OrderPlacement.Reason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

import static com.cspdesk.application.ordering.CatalogFixture.SUSE;
import static com.cspdesk.application.ordering.CatalogFixture.VM_RES;
import static com.cspdesk.application.ordering.CatalogFixture.WS_STD;
import static com.cspdesk.application.ordering.CatalogFixture.offer;
import static com.cspdesk.application.ordering.OrderingWorld.AGENT;
import static com.cspdesk.application.ordering.OrderingWorld.AU_TENANT;
import static com.cspdesk.application.ordering.OrderingWorld.GL_TENANT;
import static com.cspdesk.application.ordering.OrderingWorld.HU_TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The review's quote: what placing would charge, or what placing would refuse, with nothing stored. */
class QuoteOrderTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30Z");

    private final OrderingWorld world = new OrderingWorld(NOW);


    @Test
    void aHungarianQuoteNamesEveryLineAndPutsTaxOnTopWithoutStoringAnything() {
        QuoteOrder.QuoteOrderResult result = quote().quote(new PlaceOrderCommand(ref(HU_TENANT), " One_Time ",
                List.of(new LineItem(1, offer(WS_STD, "HUF"), 2), new LineItem(2, offer(SUSE, "HUF"), 1))), AGENT);

        QuoteOrder.OrderQuote quote = ((QuoteOrder.Quoted) result).quote();
        assertThat(quote.customerTenantId()).isEqualTo(HU_TENANT);
        assertThat(quote.market()).isEqualTo(Market.of("HU"));
        assertThat(quote.billingCycle()).isEqualTo("one_time");
        assertThat(quote.currency()).isEqualTo(Currency.getInstance("HUF"));
        assertThat(quote.taxIncluded()).isFalse();
        assertThat(quote.lines()).hasSize(2);
        QuoteOrder.QuotedLine server = quote.lines().get(0);
        assertThat(server.lineItemNumber()).isEqualTo(1);
        assertThat(server.offerId()).isEqualTo(offer(WS_STD, "HUF"));
        assertThat(server.productId()).isEqualTo(WS_STD);
        assertThat(server.productName()).isEqualTo("Windows Server 2022 Standard");
        assertThat(server.skuId()).isEqualTo("0001");
        assertThat(server.skuName()).isEqualTo("16 Core License Pack");
        assertThat(server.quantity()).isEqualTo(2);
        assertThat(server.unitPrice()).isEqualTo(Money.of("384840.00", "HUF"));
        assertThat(server.price()).isEqualTo(new PriceQuote(Money.of("769680.00", "HUF"), Money.of("207813.60", "HUF"),
                Money.of("977493.60", "HUF")));
        assertThat(quote.lines().get(1).productName()).isEqualTo("SUSE Linux Enterprise Server software plan");
        assertThat(quote.totals()).isEqualTo(server.price().plus(quote.lines().get(1).price()));
        verifyNoInteractions(world.orders, world.entitlements, world.activityLog, world.transactions);
    }

    @Test
    void anAustralianQuoteHasTheGstInsideTheListPrice() {
        QuoteOrder.OrderQuote quote = ((QuoteOrder.Quoted) quote().quote(
                command(AU_TENANT, new LineItem(0, offer(WS_STD, "AUD"), 1)), AGENT)).quote();
        assertThat(quote.taxIncluded()).isTrue();
        assertThat(quote.totals()).isEqualTo(new PriceQuote(Money.of("1624.88", "AUD"), Money.of("162.49", "AUD"),
                Money.of("1787.37", "AUD")));
    }

    @Test
    void theQuoteIsWhatPlacingTheOrderCharges() {
        when(world.transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        List<PlaceOrderCommand> commands = List.of(
                command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 3), new LineItem(1, offer(VM_RES, "HUF"), 7,
                        Map.of("subscriptionId", "5a3c8b4e-0c2f-4d6e-9f1a-2b3c4d5e6f70", "scope", "shared"))),
                command(AU_TENANT, new LineItem(0, offer(WS_STD, "AUD"), 999)),
                command(GL_TENANT, new LineItem(5, offer(SUSE, "USD"), 13)));
        for (PlaceOrderCommand command : commands) {
            QuoteOrder.OrderQuote quote = ((QuoteOrder.Quoted) quote().quote(command, AGENT)).quote();
            OrderView placed = ((PlaceOrder.Placed) world.ordering.place(command, AGENT)).order();
            assertThat(quote.totals()).isEqualTo(placed.totals());
            assertThat(quote.lines()).hasSameSizeAs(placed.lineItems());
            for (int i = 0; i < quote.lines().size(); i++) {
                QuoteOrder.QuotedLine line = quote.lines().get(i);
                OrderView.Line charged = placed.lineItems().get(i);
                assertThat(line.lineItemNumber()).isEqualTo(charged.lineItemNumber());
                assertThat(line.price()).isEqualTo(charged.charged());
                assertThat(line.unitPrice()).isEqualTo(charged.unitPrice());
                assertThat(quote.taxIncluded()).isEqualTo(charged.taxIncluded());
                assertThat(line.productName() + " – " + line.skuName()).isEqualTo(charged.friendlyName());
            }
        }
    }

    @Test
    void everyRefusalIsTheOnePlacingWouldGive() {
        List<PlaceOrderCommand> refusedCommands = List.of(
                command(HU_TENANT),
                command(HU_TENANT, new LineItem(0, "not-an-offer", 1)),
                command(HU_TENANT, new LineItem(0, null, 1)),
                command(HU_TENANT, new LineItem(0, offer(WS_STD, "EUR"), 1)),
                command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 0)),
                command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 1001)),
                command(HU_TENANT, new LineItem(3, offer(WS_STD, "HUF"), 1), new LineItem(3, offer(SUSE, "HUF"), 1)),
                command(HU_TENANT, new LineItem(-1, offer(WS_STD, "HUF"), 1)),
                command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 600), new LineItem(1, offer(WS_STD, "HUF"), 401)),
                new PlaceOrderCommand(ref(HU_TENANT), "monthly", List.of(new LineItem(0, offer(WS_STD, "HUF"), 1))),
                command(GL_TENANT, new LineItem(0, offer(SUSE, "USD"), 1), new LineItem(1, offer(VM_RES, "USD"), 1)));
        for (PlaceOrderCommand command : refusedCommands) {
            QuoteOrder.QuoteOrderResult quoted = quote().quote(command, AGENT);
            PlaceOrder.PlaceOrderResult placed = world.ordering.place(command, AGENT);
            assertThat(placed).isInstanceOf(PlaceOrder.Refused.class);
            assertThat(quoted).as(command.toString()).isEqualTo(new QuoteOrder.WouldBeRefused((PlaceOrder.Refused) placed));
        }
        assertThat(quote().quote(command(GL_TENANT, new LineItem(0, offer(VM_RES, "USD"), 1)), AGENT))
                .isEqualTo(new QuoteOrder.WouldBeRefused(new PlaceOrder.Refused(Reason.MARKET_UNAVAILABLE, OptionalInt.of(0),
                        List.of("GL"))));
        verifyNoInteractions(world.orders, world.entitlements, world.activityLog, world.transactions);
    }

    @Test
    void theQuantityRangesEdgesAreQuoted() {
        assertThat(quote().quote(command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 1)), AGENT))
                .isInstanceOf(QuoteOrder.Quoted.class);
        assertThat(quote().quote(command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 1000)), AGENT))
                .isInstanceOf(QuoteOrder.Quoted.class);
    }

    @Test
    void aCustomerTheActorMayNotSeeIsNotFound() {
        assertThat(quote().quote(command("fabrikam.example", new LineItem(0, offer(WS_STD, "HUF"), 1)), AGENT))
                .isEqualTo(new QuoteOrder.CustomerNotFound());
        assertThat(quote().quote(command("44444444-4444-4444-8444-444444444444", new LineItem(0, offer(WS_STD, "HUF"), 1)),
                AGENT)).isEqualTo(new QuoteOrder.CustomerNotFound());
        assertThat(quote().quote(command(" ", new LineItem(0, offer(WS_STD, "HUF"), 1)), AGENT))
                .isEqualTo(new QuoteOrder.CustomerNotFound());
        verifyNoInteractions(world.orders, world.entitlements, world.activityLog, world.transactions);
    }

    @Test
    void onlyTheTablesRolesGetAQuoteAndARefusalTouchesNoPort() {
        for (Actor actor : TestActors.refused(Permission.PLACE_ORDER)) {
            assertThat(quote().quote(command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 1)), actor))
                    .isEqualTo(new QuoteOrder.NotPermitted(Permission.PLACE_ORDER));
        }
        verifyNoInteractions(world.customers, world.orders, world.entitlements, world.activityLog, world.transactions);
        assertThat(quote().quote(command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 1)),
                TestActors.holding(Role.GLOBAL_ADMIN))).isInstanceOf(QuoteOrder.Quoted.class);
    }

    private QuoteOrder quote() {
        return world.ordering;
    }

    private static PlaceOrderCommand command(String tenant, LineItem... items) {
        return new PlaceOrderCommand(ref(tenant), "one_time", List.of(items));
    }

    /** The customer as the web adapter names it; nothing for a blank name. */
    private static CustomerRef ref(String tenant) {
        return CustomerRef.parse(tenant).orElse(null);
    }

}
