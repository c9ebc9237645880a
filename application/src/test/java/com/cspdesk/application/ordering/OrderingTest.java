package com.cspdesk.application.ordering;

import com.cspdesk.application.TestActors;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import static org.mockito.Mockito.verifyNoInteractions;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.application.ordering.port.in.PlaceOrder;
import com.cspdesk.application.ordering.port.in.PlaceOrder.LineItem;
import com.cspdesk.application.ordering.port.in.PlaceOrder.PlaceOrderCommand;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.software.port.out.Entitlements;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.catalog.SoftwareVersion;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.subscription.Subscription;
import com.cspdesk.domain.order.OrderPlacement.Part;
import com.cspdesk.domain.order.OrderPlacement.Reason;
import com.cspdesk.domain.order.OrderStatus;
import com.cspdesk.application.ordering.port.in.QuoteOrder;
import com.cspdesk.domain.reservation.ReservationProvisioning;
import com.cspdesk.domain.reservation.ReservationScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class OrderingTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123456789Z");

    private final OrderingWorld world = new OrderingWorld(NOW);


    @BeforeEach
    void setUp() {
        when(world.transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
    }

    @Test
    void aHungarianOrderAddsTaxOnTopAndStoresOrderEntitlementAndActivityTogether() {
        var result = world.ordering.place(command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 2)), AGENT);

        OrderView order = ((PlaceOrder.Placed) result).order();
        assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(order.creationDate()).isEqualTo(Instant.parse("2026-11-21T10:15:30.123456Z"));
        assertThat(order.totals().net()).isEqualTo(Money.of("769680.00", "HUF"));
        assertThat(order.totals().tax()).isEqualTo(Money.of("207813.60", "HUF"));
        assertThat(order.totals().gross()).isEqualTo(Money.of("977493.60", "HUF"));
        assertThat(order.lineItems().get(0).taxIncluded()).isFalse();
        assertThat(order.lineItems().get(0).friendlyName()).contains("Windows Server 2022 Standard");
        // Partner Center's pricing, before tax: the list price per unit, the line's net; no subscription made.
        assertThat(order.lineItems().get(0).preTax().unitPrice()).isEqualTo(Money.of("384840.00", "HUF"));
        assertThat(order.lineItems().get(0).preTax().extendedPrice()).isEqualTo(order.totals().net());
        assertThat(order.lineItems().get(0).subscriptionId()).isEmpty();

        ArgumentCaptor<List<Entitlements.Entitlement>> granted = ArgumentCaptor.captor();
        verify(world.entitlements).grant(granted.capture());
        assertThat(granted.getValue()).singleElement().satisfies(e -> {
            assertThat(e.versions()).containsExactly(SoftwareVersion.of("2022"), SoftwareVersion.of("2019"), SoftwareVersion.of("2016"));
            assertThat(e.customerTenantId()).isEqualTo(HU_TENANT);
        });
        ArgumentCaptor<ActivityEntry> activity = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(world.activityLog).append(activity.capture());
        assertThat(activity.getValue().operationType()).isEqualTo("create_order");
        assertThat(activity.getValue().userPrincipalName()).isEqualTo("admin.agent@partner.example");
        assertThat(activity.getValue().resourceId()).isEqualTo(order.id());
        verify(world.orders).add(any());
    }

    @Test
    void anAustralianPriceAlreadyIncludesGst() {
        OrderView order = ((PlaceOrder.Placed) world.ordering.place(command(AU_TENANT, new LineItem(0, offer(WS_STD, "AUD"), 1)), AGENT)).order();
        assertThat(order.totals().gross()).isEqualTo(Money.of("1787.37", "AUD"));
        assertThat(order.totals().tax()).isEqualTo(Money.of("162.49", "AUD"));
        assertThat(order.totals().net()).isEqualTo(Money.of("1624.88", "AUD"));
        assertThat(order.lineItems().get(0).taxIncluded()).isTrue();
        // Partner Center's pricing is before tax even where the list price includes it.
        assertThat(order.lineItems().get(0).preTax().unitPrice()).isEqualTo(Money.of("1624.88", "AUD"));
        assertThat(order.lineItems().get(0).preTax().extendedPrice()).isEqualTo(Money.of("1624.88", "AUD"));
    }

    @Test
    void anAzureReservationIsRefusedInGreenlandNamingTheMarket() {
        var result = world.ordering.place(command(GL_TENANT, new LineItem(0, offer(VM_RES, "USD"), 1)), AGENT);
        assertThat(result).isEqualTo(new PlaceOrder.Refused(Reason.MARKET_UNAVAILABLE, OptionalInt.of(0), List.of("GL")));
        assertThat(((PlaceOrder.Refused) result).part()).isEqualTo(Part.OFFER);
        verifyNoInteractions(world.orders, world.entitlements, world.activityLog);
    }

    @Test
    void otherKindsStillSellInGreenland() {
        assertThat(world.ordering.place(command(GL_TENANT, new LineItem(0, offer(WS_STD, "USD"), 1)), AGENT))
                .isInstanceOf(PlaceOrder.Placed.class);
    }

    @Test
    void aServerSubscriptionLineStartsItsSubscriptionWithTheOrderInItsFirstTermWithAutoRenew() {
        OrderView order = ((PlaceOrder.Placed) world.ordering.place(command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 1),
                new LineItem(1, offer(CatalogFixture.WS_SUB, "HUF"), 2)), AGENT)).order();

        ArgumentCaptor<List<Subscription>> started = ArgumentCaptor.captor();
        verify(world.subscriptionStarts).start(started.capture());
        assertThat(started.getValue()).singleElement().satisfies(subscription -> {
            assertThat(subscription.orderId()).isEqualTo(order.id());
            assertThat(subscription.lineItemNumber()).isEqualTo(1);
            assertThat(subscription.customerTenantId()).isEqualTo(HU_TENANT);
            assertThat(subscription.term()).isEqualTo(TermDuration.P1Y);
            assertThat(subscription.termNumber()).isEqualTo(1);
            assertThat(subscription.termStart()).isEqualTo(order.creationDate());
            assertThat(subscription.autoRenew()).isTrue();
            assertThat(subscription.chargePerTerm()).isEqualTo(order.lineItems().get(1).charged());
        });
    }

    @Test
    void anOrderWithoutSubscriptionLinesStartsNone() {
        world.ordering.place(command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 1), new LineItem(1, offer(VM_RES, "HUF"), 1)),
                AGENT);
        verifyNoInteractions(world.subscriptionStarts);
    }

    @Test
    void reservationsAndPlansGrantNoSoftwareEntitlement() {
        world.ordering.place(command(HU_TENANT, new LineItem(0, offer(VM_RES, "HUF"), 1, SHARED_CONTEXT),
                new LineItem(1, offer(SUSE, "HUF"), 1)), AGENT);
        verify(world.entitlements).grant(List.of());
    }

    // Issue #16 reservations provisioned

    private static final String AZURE_SUBSCRIPTION = "5a3c8b4e-0c2f-4d6e-9f1a-2b3c4d5e6f70";
    private static final Map<String, String> SHARED_CONTEXT = Map.of("subscriptionId", AZURE_SUBSCRIPTION, "scope", "shared",
            "duration", "1Year");

    @Test
    void aReservationIsStoredAndShownWithWhereItApplies() {
        var result = world.ordering.place(command(HU_TENANT, new LineItem(0, offer(VM_RES, "HUF"), 1,
                Map.of("SubscriptionId", AZURE_SUBSCRIPTION.toUpperCase(), "scope", "Single", "resourceGroup", "rg-web"))), AGENT);

        ReservationProvisioning expected = new ReservationProvisioning(AZURE_SUBSCRIPTION, ReservationScope.SINGLE, Optional.of("rg-web"));
        assertThat(((PlaceOrder.Placed) result).order().lineItems().get(0).provisioning()).contains(expected);
        ArgumentCaptor<Orders.StoredOrder> stored = ArgumentCaptor.forClass(Orders.StoredOrder.class);
        verify(world.orders).add(stored.capture());
        assertThat(stored.getValue().lines().get(0).provisioning()).contains(expected);
    }

    @Test
    void aReservationsContextIsCheckedLineByLineAfterTheOffersAndNothingIsStored() {
        assertRefused(command(HU_TENANT, new LineItem(0, offer(VM_RES, "HUF"), 1)), Reason.PROVISIONING_CONTEXT_REQUIRED,
                OptionalInt.of(0), Part.PROVISIONING_CONTEXT);
        assertRefused(command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 1, SHARED_CONTEXT)),
                Reason.PROVISIONING_CONTEXT_NOT_ALLOWED, OptionalInt.of(0), Part.PROVISIONING_CONTEXT);
        assertRefused(command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 1),
                        new LineItem(1, offer(VM_RES, "HUF"), 1, Map.of("subscriptionId", AZURE_SUBSCRIPTION, "scope", "single"))),
                Reason.RESERVATION_RESOURCE_GROUP_REQUIRED, OptionalInt.of(1), Part.PROVISIONING_RESOURCE_GROUP);
        assertRefused(command(HU_TENANT, new LineItem(0, offer(VM_RES, "HUF"), 1,
                        Map.of("subscriptionId", AZURE_SUBSCRIPTION, "scope", "shared", "duration", "3Years"))),
                Reason.RESERVATION_DURATION_MISMATCH, OptionalInt.of(0), Part.PROVISIONING_DURATION);
        // The offer is judged before the context: a refused market is named first.
        assertThat(world.ordering.place(command(GL_TENANT, new LineItem(0, offer(VM_RES, "USD"), 1)), AGENT))
                .isEqualTo(new PlaceOrder.Refused(Reason.MARKET_UNAVAILABLE, OptionalInt.of(0), List.of("GL")));
        verifyNoInteractions(world.orders, world.entitlements, world.activityLog);
    }

    @Test
    void theReviewRefusesWhatPlacingRefuses() {
        assertThat(world.ordering.quote(command(HU_TENANT, new LineItem(0, offer(VM_RES, "HUF"), 1,
                Map.of("subscriptionId", "nope", "scope", "shared"))), AGENT))
                .isEqualTo(new QuoteOrder.WouldBeRefused(new PlaceOrder.Refused(Reason.RESERVATION_SUBSCRIPTION_ID_INVALID,
                        OptionalInt.of(0), List.of())));
    }

    @Test
    void everyBadInputIsRefusedWithTheLineAndPartAtFaultAndNothingIsStored() {
        assertRefused(command(HU_TENANT), Reason.LINE_ITEMS_INVALID, OptionalInt.empty(), Part.LINE_ITEMS);
        assertRefused(command(HU_TENANT, new LineItem(0, "not-an-offer", 1)), Reason.OFFER_INVALID, OptionalInt.of(0), Part.OFFER);
        assertRefused(command(HU_TENANT, new LineItem(0, "NOPE:0001:AVHUF", 1)), Reason.OFFER_INVALID, OptionalInt.of(0), Part.OFFER);
        assertRefused(command(HU_TENANT, new LineItem(0, null, 1)), Reason.OFFER_INVALID, OptionalInt.of(0), Part.OFFER);
        assertRefused(command(HU_TENANT, new LineItem(0, offer(WS_STD, "EUR"), 1)), Reason.OFFER_NOT_FOR_MARKET,
                OptionalInt.of(0), Part.OFFER);
        assertRefused(command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 0)), Reason.QUANTITY_OUT_OF_RANGE,
                OptionalInt.of(0), Part.QUANTITY);
        assertRefused(command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 1001)), Reason.QUANTITY_OUT_OF_RANGE,
                OptionalInt.of(0), Part.QUANTITY);
        assertRefused(command(HU_TENANT, new LineItem(3, offer(WS_STD, "HUF"), 1), new LineItem(3, offer(WS_STD, "HUF"), 1)),
                Reason.LINE_ITEM_NUMBER_DUPLICATE, OptionalInt.of(1), Part.LINE_ITEM_NUMBER);
        assertRefused(command(HU_TENANT, new LineItem(-1, offer(WS_STD, "HUF"), 1)),
                Reason.LINE_ITEM_NUMBER_INVALID, OptionalInt.of(0), Part.LINE_ITEM_NUMBER);
        assertRefused(new PlaceOrderCommand(ref(HU_TENANT), "monthly", List.of(new LineItem(0, offer(WS_STD, "HUF"), 1))),
                Reason.BILLING_CYCLE_NOT_SUPPORTED, OptionalInt.of(0), Part.BILLING_CYCLE);
        verifyNoInteractions(world.orders, world.entitlements, world.activityLog);
    }

    @Test
    void theEdgesOfTheQuantityRangeAreAccepted() {
        assertThat(world.ordering.place(command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 1)), AGENT)).isInstanceOf(PlaceOrder.Placed.class);
        assertThat(world.ordering.place(command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 1000)), AGENT)).isInstanceOf(PlaceOrder.Placed.class);
    }

    @Test
    void twoLinesOfOneSkuCountTogetherTowardItsMaximum() {
        var refused = world.ordering.place(command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 1000),
                new LineItem(1, offer(WS_STD, "HUF"), 1)), AGENT);

        assertThat(refused).isEqualTo(new PlaceOrder.Refused(Reason.QUANTITY_OUT_OF_RANGE, OptionalInt.of(1), List.of("1", "1000")));
        verifyNoInteractions(world.orders, world.entitlements, world.activityLog);

        var placed = world.ordering.place(command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 600),
                new LineItem(1, offer(WS_STD, "HUF"), 400)), AGENT);
        assertThat(placed).isInstanceOfSatisfying(PlaceOrder.Placed.class, order ->
                assertThat(order.order().lineItems()).extracting(OrderView.Line::quantity).containsExactly(600, 400));
    }

    @Test
    void aCustomersAdminCannotOrderOrReadForAnotherTenant() {
        Actor otherTenantAdmin = Actor.customer("it@fabrikam.example", AU_TENANT);
        assertThat(world.ordering.place(command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 1)), otherTenantAdmin))
                .isEqualTo(new PlaceOrder.NotPermitted(Permission.PLACE_ORDER));
        assertThat(world.ordering.list(ref(HU_TENANT), PageRequest.first(10), otherTenantAdmin))
                .isEqualTo(Lookup.notFound("customer_not_found"));
        assertThat(world.ordering.get(ref(HU_TENANT), "any", otherTenantAdmin)).isEqualTo(Lookup.notFound("customer_not_found"));
        Actor ownAdmin = Actor.customer("it@contoso.example", HU_TENANT.toUpperCase());
        when(world.orders.find(HU_TENANT, "o-1")).thenReturn(Optional.of(storedOrder("o-1", NOW)));
        assertThat(TestActors.found(world.ordering.get(ref(HU_TENANT), "o-1", ownAdmin)).id()).isEqualTo("o-1");
        assertThat(world.ordering.get(ref(HU_TENANT), "o-2", ownAdmin)).isEqualTo(Lookup.notFound("order_not_found"));
        assertThat(world.ordering.place(command("44444444-4444-4444-8444-444444444444", new LineItem(0, offer(WS_STD, "HUF"), 1)), AGENT))
                .isInstanceOf(PlaceOrder.CustomerNotFound.class);
        verify(world.orders, never()).page(any(), any(), anyInt());
    }

    @Test
    void onlyTheTablesRolesOrderOrReadOrdersAndARefusalTouchesNoPort() {
        for (Actor actor : TestActors.refused(Permission.PLACE_ORDER)) {
            assertThat(world.ordering.place(command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 1)), actor))
                    .isEqualTo(new PlaceOrder.NotPermitted(Permission.PLACE_ORDER));
        }
        for (Actor actor : TestActors.refused(Permission.VIEW_ORDERS)) {
            assertThat(world.ordering.list(ref(HU_TENANT), PageRequest.first(10), actor))
                    .isEqualTo(Lookup.notPermitted(Permission.VIEW_ORDERS));
            assertThat(world.ordering.get(ref(HU_TENANT), "o-1", actor)).isEqualTo(Lookup.notPermitted(Permission.VIEW_ORDERS));
        }
        verifyNoInteractions(world.customers, world.orders, world.entitlements, world.activityLog, world.transactions);
        assertThat(world.ordering.place(command(HU_TENANT, new LineItem(0, offer(WS_STD, "HUF"), 1)),
                TestActors.holding(Role.GLOBAL_ADMIN))).isInstanceOf(PlaceOrder.Placed.class);
    }

    @Test
    void aCustomerIsAddressedByDomainToo() {
        Optional<Customers.Customer> hungarian = world.customers.byTenantId(HU_TENANT);
        when(world.customers.byDomain("customer-hu.example")).thenReturn(hungarian);
        when(world.orders.page(HU_TENANT, Optional.empty(), 11)).thenReturn(List.of());
        assertThat(TestActors.found(world.ordering.list(CustomerRef.parse("Customer-HU.example").orElseThrow(), PageRequest.first(10),
                TestActors.holding(Role.SALES_AGENT))).items()).isEmpty();
    }

    @Test
    void listingPagesByKeysetAndRefusesForeignTokens() {
        Orders.StoredOrder first = storedOrder("o-1", NOW);
        Orders.StoredOrder second = storedOrder("o-2", NOW.minusSeconds(5));
        when(world.orders.page(HU_TENANT, Optional.empty(), 2)).thenReturn(List.of(first, second));
        when(world.orders.count(HU_TENANT)).thenReturn(7L);

        var page = TestActors.found(world.ordering.list(ref(HU_TENANT), PageRequest.first(1), AGENT));

        assertThat(page.items()).extracting(OrderView::id).containsExactly("o-1");
        assertThat(page.totalCount()).isEqualTo(7);
        String token = page.continuationToken().orElseThrow();
        when(world.orders.page(HU_TENANT, Optional.of(new Orders.Cursor(NOW, "o-1")), 2)).thenReturn(List.of(second));
        var next = TestActors.found(world.ordering.list(ref(HU_TENANT), new PageRequest(1, Optional.of(token)), AGENT));
        assertThat(next.items()).extracting(OrderView::id).containsExactly("o-2");
        assertThat(next.continuationToken()).isEmpty();

        assertThatThrownBy(() -> world.ordering.list(ref(AU_TENANT), new PageRequest(1, Optional.of(token)), AGENT))
                .isInstanceOf(InvalidContinuationToken.class);
        assertThatThrownBy(() -> world.ordering.list(ref(HU_TENANT), new PageRequest(1, Optional.of("garbage!")), AGENT))
                .isInstanceOf(InvalidContinuationToken.class);
    }

    private Orders.StoredOrder storedOrder(String id, Instant at) {
        return new Orders.StoredOrder(id, HU_TENANT, "one_time", java.util.Currency.getInstance("HUF"), at, OrderStatus.COMPLETED,
                com.cspdesk.domain.money.PriceQuote.zero(java.util.Currency.getInstance("HUF")), "agent", List.of());
    }

    private void assertRefused(PlaceOrderCommand command, Reason reason, OptionalInt lineIndex, Part part) {
        var result = world.ordering.place(command, AGENT);
        assertThat(result).isInstanceOfSatisfying(PlaceOrder.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(reason);
            assertThat(refused.lineIndex()).isEqualTo(lineIndex);
            assertThat(refused.part()).isEqualTo(part);
        });
    }

    private static PlaceOrderCommand command(String tenant, LineItem... items) {
        return new PlaceOrderCommand(ref(tenant), "one_time", List.of(items));
    }

    private static CustomerRef ref(String tenant) {
        return CustomerRef.parse(tenant).orElseThrow();
    }

}
