package com.cspdesk.application.ordering;

import com.cspdesk.application.TestActors;
import com.cspdesk.application.ordering.port.in.ChangeReservationScope;
import com.cspdesk.application.ordering.port.in.ChangeReservationScope.ChangeCommand;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import com.cspdesk.domain.reservation.ProvisioningFault;
import com.cspdesk.domain.reservation.ReservationProvisioning;
import com.cspdesk.domain.reservation.ReservationScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static com.cspdesk.application.ordering.OrderingWorld.AGENT;
import static com.cspdesk.application.ordering.OrderingWorld.AU_TENANT;
import static com.cspdesk.application.ordering.OrderingWorld.HU_TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class ReservationScopeChangingTest {

    private static final Instant NOW = Instant.parse("2026-12-04T09:30:00.123456789Z");
    private static final String ORDER = "o-1";
    private static final String SUBSCRIPTION = "5a3c8b4e-0c2f-4d6e-9f1a-2b3c4d5e6f70";
    private static final ReservationProvisioning SHARED = new ReservationProvisioning(SUBSCRIPTION, ReservationScope.SHARED, Optional.empty());

    private final OrderingWorld world = new OrderingWorld(NOW);
    private final ReservationScopeChanging changing = new ReservationScopeChanging(world.customers, world.orders,
            world.activityLog, world.transactions, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void setUp() {
        when(world.transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        when(world.orders.find(HU_TENANT, ORDER)).thenReturn(Optional.of(order(
                line(0, ProductKind.AZURE_RESERVATION_VM, LineStatus.ACTIVE, Optional.of(SHARED)),
                line(1, ProductKind.PERPETUAL_SOFTWARE, LineStatus.ACTIVE, Optional.empty()),
                line(2, ProductKind.AZURE_RESERVATION_SQL, LineStatus.CANCELLED, Optional.of(SHARED)))));
    }

    @Test
    void aSharedReservationBecomesSingleAndTheChangeIsRecordedWithOldAndNewScope() {
        when(world.orders.changeProvisioning(any(), any(), anyInt(), any())).thenReturn(true);

        var result = changing.change(command(0, "single", "rg-web", null), AGENT);

        assertThat(result).isInstanceOfSatisfying(ChangeReservationScope.Changed.class, changed -> assertThat(changed.changed()).isTrue());
        ReservationProvisioning single = new ReservationProvisioning(SUBSCRIPTION, ReservationScope.SINGLE, Optional.of("rg-web"));
        verify(world.orders).changeProvisioning(HU_TENANT, ORDER, 0, single);
        ArgumentCaptor<ActivityEntry> entry = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(world.activityLog).append(entry.capture());
        assertThat(entry.getValue().operationType()).isEqualTo("change_reservation_scope");
        assertThat(entry.getValue().resourceType()).isEqualTo("order");
        assertThat(entry.getValue().resourceId()).isEqualTo(ORDER);
        assertThat(entry.getValue().operationDate()).isEqualTo(Instant.parse("2026-12-04T09:30:00.123456Z"));
        assertThat(entry.getValue().customizedData()).containsExactly(entry("lineItemNumber", "0"), entry("oldScope", "shared"),
                entry("newScope", "single"), entry("newResourceGroup", "rg-web"));
    }

    @Test
    void anotherSubscriptionIsRecordedToo() {
        when(world.orders.changeProvisioning(any(), any(), anyInt(), any())).thenReturn(true);
        String other = "0F1E2D3C-4B5A-4978-8695-A4B3C2D1E0F9";

        changing.change(command(0, "shared", null, other), AGENT);

        verify(world.orders).changeProvisioning(HU_TENANT, ORDER, 0,
                new ReservationProvisioning(other.toLowerCase(), ReservationScope.SHARED, Optional.empty()));
        ArgumentCaptor<ActivityEntry> entry = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(world.activityLog).append(entry.capture());
        assertThat(entry.getValue().customizedData()).containsEntry("oldSubscriptionId", SUBSCRIPTION)
                .containsEntry("newSubscriptionId", other.toLowerCase()).doesNotContainKey("oldResourceGroup");
    }

    @Test
    void theSameScopeAgainChangesAndRecordsNothing() {
        var result = changing.change(command(0, "Shared", "", " "), AGENT);

        assertThat(result).isInstanceOfSatisfying(ChangeReservationScope.Changed.class, changed -> assertThat(changed.changed()).isFalse());
        verify(world.orders, never()).changeProvisioning(any(), any(), anyInt(), any());
        verifyNoInteractions(world.activityLog);
    }

    @Test
    void everyRoleWithoutThePermissionIsRefusedBeforeAnythingIsRead() {
        for (Actor actor : TestActors.refused(Permission.MANAGE_SUBSCRIPTIONS)) {
            assertThat(changing.change(command(0, "single", "rg", null), actor))
                    .isEqualTo(new ChangeReservationScope.NotPermitted(Permission.MANAGE_SUBSCRIPTIONS));
        }
        verifyNoInteractions(world.orders, world.activityLog);
    }

    @Test
    void anotherTenantsOrAnUnknownOrderOrLineIsNotFound() {
        Actor otherTenantsAdmin = Actor.customer("it@fabrikam.example", AU_TENANT);
        assertThat(changing.change(command(0, "single", "rg", null), otherTenantsAdmin))
                .isIn(new ChangeReservationScope.NotPermitted(Permission.MANAGE_SUBSCRIPTIONS),
                        new ChangeReservationScope.NotFound("customer_not_found"));
        assertThat(changing.change(new ChangeCommand(CustomerRef.parse(AU_TENANT).orElseThrow(), ORDER, 0, "shared", null, null), AGENT))
                .isEqualTo(new ChangeReservationScope.NotFound("order_not_found"));
        assertThat(changing.change(new ChangeCommand(CustomerRef.parse(HU_TENANT).orElseThrow(), null, 0, "shared", null, null), AGENT))
                .isEqualTo(new ChangeReservationScope.NotFound("order_not_found"));
        assertThat(changing.change(command(9, "shared", null, null), AGENT))
                .isEqualTo(new ChangeReservationScope.NotFound("line_item_not_found"));
        verify(world.orders, never()).changeProvisioning(anyString(), anyString(), anyInt(), any());
        verifyNoInteractions(world.activityLog);
    }

    @Test
    void aLineThatIsNoReservationOrIsCancelledIsRefusedWithItsCode() {
        assertThat(changing.change(command(1, "shared", null, null), AGENT))
                .isEqualTo(new ChangeReservationScope.Refused("not_a_reservation"));
        assertThat(changing.change(command(2, "shared", null, null), AGENT))
                .isEqualTo(new ChangeReservationScope.Refused("reservation_cancelled"));
        verifyNoInteractions(world.activityLog);
    }

    @Test
    void aLineCancelledMeanwhileIsRefusedAndNothingIsRecorded() {
        when(world.orders.changeProvisioning(any(), any(), anyInt(), any())).thenReturn(false);

        assertThat(changing.change(command(0, "single", "rg", null), AGENT))
                .isEqualTo(new ChangeReservationScope.Refused("reservation_cancelled"));
        verifyNoInteractions(world.activityLog);
    }

    @Test
    void aBadScopeResourceGroupOrSubscriptionIsInvalidByTheRulesOfOrdering() {
        assertThat(changing.change(command(0, "everywhere", null, null), AGENT))
                .isEqualTo(new ChangeReservationScope.Invalid(ProvisioningFault.SCOPE_INVALID, List.of()));
        assertThat(changing.change(command(0, "single", null, null), AGENT))
                .isEqualTo(new ChangeReservationScope.Invalid(ProvisioningFault.RESOURCE_GROUP_REQUIRED, List.of()));
        assertThat(changing.change(command(0, "shared", "rg", null), AGENT))
                .isEqualTo(new ChangeReservationScope.Invalid(ProvisioningFault.RESOURCE_GROUP_NOT_ALLOWED, List.of()));
        assertThat(changing.change(command(0, "single", "bad name.", null), AGENT))
                .isEqualTo(new ChangeReservationScope.Invalid(ProvisioningFault.RESOURCE_GROUP_INVALID, List.of("90")));
        assertThat(changing.change(command(0, "shared", null, "not-a-guid"), AGENT))
                .isEqualTo(new ChangeReservationScope.Invalid(ProvisioningFault.SUBSCRIPTION_ID_INVALID, List.of()));
        verify(world.orders, never()).changeProvisioning(anyString(), anyString(), anyInt(), any());
        verifyNoInteractions(world.activityLog);
    }

    private static ChangeCommand command(int line, String scope, String resourceGroup, String subscriptionId) {
        return new ChangeCommand(CustomerRef.parse(HU_TENANT).orElseThrow(), " " + ORDER + " ", line, scope, resourceGroup, subscriptionId);
    }

    private static Orders.StoredOrder order(Orders.StoredLine... lines) {
        Currency huf = Currency.getInstance("HUF");
        return new Orders.StoredOrder(ORDER, HU_TENANT, "one_time", huf, NOW.minusSeconds(86_400), OrderStatus.COMPLETED,
                PriceQuote.total(huf, List.of(lines).stream().map(Orders.StoredLine::charged).toList()), "agent", List.of(lines));
    }

    private static Orders.StoredLine line(int number, ProductKind kind, LineStatus status, Optional<ReservationProvisioning> provisioning) {
        Money price = Money.of("1000.00", "HUF");
        TermDuration term = kind == ProductKind.PERPETUAL_SOFTWARE ? TermDuration.NONE : TermDuration.P1Y;
        return new Orders.StoredLine(number, "P:0001:A" + number, "P", "0001", "A" + number, "Line " + number, kind, term, 1,
                price, new PriceQuote(price, Money.of("270.00", "HUF"), Money.of("1270.00", "HUF")), false, status,
                PriceQuote.zero(Currency.getInstance("HUF")), status == LineStatus.CANCELLED ? Optional.of(NOW) : Optional.empty(),
                provisioning);
    }
}
