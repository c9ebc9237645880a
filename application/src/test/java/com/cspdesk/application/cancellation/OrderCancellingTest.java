package com.cspdesk.application.cancellation;

import com.cspdesk.application.TestActors;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import static org.mockito.Mockito.verifyNoInteractions;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.cancellation.port.in.CancelOrder;
import com.cspdesk.application.cancellation.port.in.CancelOrder.CancelCommand;
import com.cspdesk.application.cancellation.port.in.CancellationPreview;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.cancellation.port.out.SoftwareRevocations;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.cancellation.Acknowledgement;
import com.cspdesk.domain.cancellation.CancellationPolicy;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.UsdEquivalents;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class OrderCancellingTest {

    private static final Instant BOUGHT = Instant.parse("2026-11-21T10:00:00Z");
    private static final String TENANT = "11111111-1111-4111-8111-111111111111";
    private static final Actor AGENT = Actor.partner("admin.agent@partner.example", Role.ADMIN_AGENT);
    private static final CustomerRef REF = CustomerRef.parse(TENANT).orElseThrow();
    private static final Currency EUR = Currency.getInstance("EUR");
    /** A Partner Center client's PATCH: no {@code acknowledged} field. */
    private static final Acknowledgement API_CALL = Acknowledgement.apiCall(Optional.empty());

    private final Customers customers = mock(Customers.class);
    private final Orders orders = mock(Orders.class);
    private final OrderCancellations cancellations = mock(OrderCancellations.class);
    private final SoftwareRevocations revocations = mock(SoftwareRevocations.class);
    private final Credits credits = mock(Credits.class);
    private final ActivityLog activityLog = mock(ActivityLog.class);
    private final Transactions transactions = mock(Transactions.class);

    @BeforeEach
    void setUp() {
        when(transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        when(customers.byTenantId(TENANT)).thenReturn(Optional.of(new Customers.Customer(TENANT, "Contoso GmbH",
                "contoso.example", Market.of("DE"), BOUGHT)));
    }

    @Test
    void onDaySixtyThePerpetualLineIsCreditedInFullAndEverythingHappensTogether() {
        Orders.StoredOrder order = order(line(0, ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, "1000.00", "190.00"));
        stubOrder(order, order);
        OrderCancelling cancelling = at(BOUGHT.plus(Duration.ofDays(60)));

        var result = cancelling.cancel(new CancelCommand(REF, "order-1", API_CALL, List.of()), AGENT);

        assertThat(result).isInstanceOfSatisfying(CancelOrder.Cancelled.class,
                c -> assertThat(c.credited()).isEqualTo(quote("1000.00", "190.00")));
        ArgumentCaptor<List<OrderCancellations.CancelledLine>> lines = ArgumentCaptor.captor();
        verify(cancellations).markCancelled(eq("order-1"), lines.capture(), eq(OrderStatus.CANCELLED));
        assertThat(lines.getValue()).singleElement().satisfies(l -> assertThat(l.credit()).isEqualTo(quote("1000.00", "190.00")));
        verify(revocations).revoke("order-1", List.of(0));
        verify(credits).issue(anyList());
        ArgumentCaptor<ActivityEntry> logged = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog, atLeastOnce()).append(logged.capture());
        assertThat(logged.getAllValues()).extracting(ActivityEntry::operationType).containsExactly("cancel_order", "issue_credit");
        // Issue #17: the cancellation names its order among its details, as the credit does.
        assertThat(logged.getAllValues()).allSatisfy(e -> assertThat(e.customizedData()).containsEntry("orderId", "order-1"));
    }

    @Test
    void oneSecondAfterDaySixtyTheWindowHasPassed() {
        Orders.StoredOrder order = order(line(0, ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, "1000.00", "190.00"));
        stubOrder(order, order);
        var result = at(BOUGHT.plus(Duration.ofDays(60)).plusSeconds(1))
                .cancel(new CancelCommand(REF, "order-1", API_CALL, List.of()), AGENT);
        assertThat(result).isEqualTo(new CancelOrder.Refused("cancellation_window_passed", Optional.of(0), false));
        verify(cancellations, never()).markCancelled(any(), any(), any());
        verify(credits, never()).issue(any());
    }

    @Test
    void aOneYearSubscriptionCancelledAfterFortyFiveDaysIsCreditedTheRemainingDays() {
        Orders.StoredOrder order = order(line(0, ProductKind.WINDOWS_SERVER_SUBSCRIPTION, TermDuration.P1Y, "1000.00", "190.00"));
        stubOrder(order, order);
        CancellationPreview preview = TestActors.found(at(BOUGHT.plus(Duration.ofDays(45))).preview(REF, "order-1", AGENT));
        // 2026-11-21 + 45 days = 2027-01-05; 320 of the term's 365 days remain.
        assertThat(preview.totalCredit().gross()).isEqualTo(Money.of("1043.29", "EUR"));
        assertThat(preview.totalCredit().tax()).isEqualTo(Money.of("166.58", "EUR"));
        assertThat(preview.cancellable()).isTrue();
        assertThat(preview.daysRemaining()).isEqualTo(15);
        assertThat(preview.windowEndsAt()).contains(BOUGHT.plus(Duration.ofDays(60)));
    }

    @Test
    void aSuseLinuxPlanIsNeverCancellable() {
        Orders.StoredOrder order = order(line(0, ProductKind.SUSE_LINUX_SOFTWARE_PLAN, TermDuration.P1Y, "400.00", "76.00"));
        stubOrder(order, order);
        OrderCancelling cancelling = at(BOUGHT);
        CancellationPreview preview = TestActors.found(cancelling.preview(REF, "order-1", AGENT));
        assertThat(preview.cancellable()).isFalse();
        assertThat(preview.reason()).contains("not_cancellable");
        assertThat(cancelling.cancel(new CancelCommand(REF, "order-1", API_CALL, List.of()), AGENT))
                .isEqualTo(new CancelOrder.Refused("not_cancellable", Optional.of(0), false));
    }

    @Test
    void reservationRefundsAboveTheLimitNeedASupportRequest() {
        Orders.StoredOrder order = order(line(0, ProductKind.AZURE_RESERVATION_VM, TermDuration.P1Y, "10000.00", "1900.00"));
        stubOrder(order, order);
        when(credits.reservationRefundsSince(eq(TENANT), any())).thenReturn(List.of(Money.of("40000.00", "EUR")));
        OrderCancelling cancelling = at(BOUGHT.plus(Duration.ofDays(1)));
        CancellationPreview preview = TestActors.found(cancelling.preview(REF, "order-1", AGENT));
        assertThat(preview.supportRequestRequired()).isTrue();
        assertThat(preview.reason()).contains("support_request_required");
        // Nothing to credit by self-service; the support request asks for the prorated credit of day 1, not the price.
        assertThat(preview.totalCredit().isZero()).isTrue();
        assertThat(preview.refundToRequest()).isEqualTo(preview.lineItems().get(0).credit());
        assertThat(preview.refundToRequest().gross().amount())
                .isLessThan(new java.math.BigDecimal("11900.00")).isGreaterThan(new java.math.BigDecimal("11800.00"));
        assertThat(cancelling.cancel(new CancelCommand(REF, "order-1", API_CALL, List.of()), AGENT))
                .isEqualTo(new CancelOrder.Refused("support_request_required", Optional.of(0), true));
        verify(credits, atLeastOnce()).reservationRefundsSince(TENANT, BOUGHT.plus(Duration.ofDays(1)).minus(Duration.ofDays(365)));
    }

    @Test
    void chosenLinesOnlyAndTheOrderStaysCompleted() {
        Orders.StoredOrder order = order(line(0, ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, "100.00", "19.00"),
                line(1, ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, "200.00", "38.00"));
        stubOrder(order, order);
        var result = at(BOUGHT).cancel(new CancelCommand(REF, "order-1", API_CALL, List.of(1)), AGENT);
        assertThat(result).isInstanceOf(CancelOrder.Cancelled.class);
        verify(cancellations).markCancelled(eq("order-1"), anyList(), eq(OrderStatus.COMPLETED));
        verify(revocations).revoke("order-1", List.of(1));
    }

    @Test
    void refusalsBeforeAnythingChanges() {
        Orders.StoredOrder order = order(line(0, ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, "100.00", "19.00"));
        stubOrder(order, order);
        OrderCancelling cancelling = at(BOUGHT);
        assertThat(cancelling.cancel(new CancelCommand(REF, "order-1", Acknowledgement.dialog(false), List.of()), AGENT))
                .isInstanceOf(CancelOrder.NotAcknowledged.class);
        assertThat(cancelling.cancel(new CancelCommand(REF, "order-1", API_CALL, List.of(7)), AGENT))
                .isEqualTo(new CancelOrder.UnknownLine(7));
        assertThat(cancelling.cancel(new CancelCommand(REF, "nope", API_CALL, List.of()), AGENT))
                .isInstanceOf(CancelOrder.OrderNotFound.class);
        assertThat(cancelling.cancel(new CancelCommand(REF, "order-1", API_CALL, List.of()),
                Actor.customer("it@other.example", "22222222-2222-4222-8222-222222222222")))
                .isEqualTo(new CancelOrder.NotPermitted(Permission.CANCEL_PURCHASE));
        assertThat(cancelling.cancel(new CancelCommand(CustomerRef.parse("nobody.example").orElseThrow(), "order-1", API_CALL,
                List.of()), AGENT)).isInstanceOf(CancelOrder.CustomerNotFound.class);
        assertThat(cancelling.preview(REF, "order-1", Actor.customer("it@other.example", "22222222-2222-4222-8222-222222222222")))
                .isEqualTo(Lookup.notFound("customer_not_found"));
        assertThat(cancelling.preview(REF, "nope", AGENT)).isEqualTo(Lookup.notFound("order_not_found"));
        assertThat(cancelling.preview(REF, "order-1", Actor.customer("it@contoso.example", TENANT)))
                .isInstanceOf(Lookup.Found.class);
        verify(cancellations, never()).markCancelled(any(), any(), any());
    }

    @Test
    void anApiCallAcknowledgesByBeingMadeButNotWhenItSaysFalseAndTheDialogNeedsItsTick() {
        Orders.StoredOrder order = order(line(0, ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, "100.00", "19.00"));
        stubOrder(order, order);
        OrderCancelling cancelling = at(BOUGHT);

        assertThat(cancelling.cancel(new CancelCommand(REF, "order-1", Acknowledgement.apiCall(Optional.of(false)), List.of()),
                AGENT)).isInstanceOf(CancelOrder.NotAcknowledged.class);
        assertThat(cancelling.cancel(new CancelCommand(REF, "order-1", Acknowledgement.dialog(false), List.of()), AGENT))
                .isInstanceOf(CancelOrder.NotAcknowledged.class);
        verify(cancellations, never()).markCancelled(any(), any(), any());
        verify(credits, never()).issue(any());

        assertThat(cancelling.cancel(new CancelCommand(REF, "order-1", API_CALL, List.of()), AGENT))
                .isInstanceOf(CancelOrder.Cancelled.class);
        assertThat(cancelling.cancel(new CancelCommand(REF, "order-1", Acknowledgement.apiCall(Optional.of(true)), List.of()),
                AGENT)).isInstanceOf(CancelOrder.Cancelled.class);
        assertThat(cancelling.cancel(new CancelCommand(REF, "order-1", Acknowledgement.dialog(true), List.of()), AGENT))
                .isInstanceOf(CancelOrder.Cancelled.class);
        verify(cancellations, org.mockito.Mockito.times(3)).markCancelled(eq("order-1"), anyList(), eq(OrderStatus.CANCELLED));
    }

    @Test
    void aCancelledOrderIsAlreadyCancelled() {
        Orders.StoredOrder order = new Orders.StoredOrder("order-1", TENANT, "one_time", EUR, BOUGHT, OrderStatus.CANCELLED,
                quote("100.00", "19.00"), "agent", List.of(new Orders.StoredLine(0, "P:0001:A", "P", "0001", "A", "Thing",
                ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, 1, Money.of("100.00", "EUR"), quote("100.00", "19.00"), false,
                LineStatus.CANCELLED, quote("100.00", "19.00"), Optional.of(BOUGHT))));
        stubOrder(order, order);
        OrderCancelling cancelling = at(BOUGHT);
        assertThat(cancelling.cancel(new CancelCommand(REF, "order-1", API_CALL, List.of()), AGENT))
                .isEqualTo(new CancelOrder.Refused("already_cancelled", Optional.empty(), false));
        assertThat(cancelling.cancel(new CancelCommand(REF, "order-1", API_CALL, List.of(0)), AGENT))
                .isEqualTo(new CancelOrder.Refused("already_cancelled", Optional.of(0), false));
        assertThat(TestActors.found(cancelling.preview(REF, "order-1", AGENT)).reason()).contains("already_cancelled");
    }

    @Test
    void onlyTheTablesRolesCancelOrPreviewAndARefusalTouchesNoPort() {
        OrderCancelling cancelling = at(BOUGHT);
        for (Actor actor : TestActors.refused(Permission.CANCEL_PURCHASE)) {
            assertThat(cancelling.cancel(new CancelCommand(REF, "order-1", API_CALL, List.of()), actor))
                    .isEqualTo(new CancelOrder.NotPermitted(Permission.CANCEL_PURCHASE));
        }
        for (Actor actor : TestActors.refused(Permission.VIEW_ORDERS)) {
            assertThat(cancelling.preview(REF, "order-1", actor)).isEqualTo(Lookup.notPermitted(Permission.VIEW_ORDERS));
        }
        verifyNoInteractions(customers, orders, cancellations, revocations, credits, activityLog, transactions);
        assertThat(cancelling.cancel(new CancelCommand(REF, "order-1", API_CALL, List.of()), AGENT))
                .isInstanceOf(CancelOrder.OrderNotFound.class);
    }

    private void stubOrder(Orders.StoredOrder locked, Orders.StoredOrder after) {
        when(orders.find(TENANT, "order-1")).thenReturn(Optional.of(after));
        when(cancellations.lockForCancellation(TENANT, "order-1")).thenReturn(Optional.of(locked));
    }

    private OrderCancelling at(Instant now) {
        return new OrderCancelling(customers, orders, cancellations, revocations, credits, activityLog, transactions,
                CancellationPolicy.asInSpec(), UsdEquivalents.defaults(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Orders.StoredOrder order(Orders.StoredLine... lines) {
        PriceQuote total = PriceQuote.total(EUR, List.of(lines).stream().map(Orders.StoredLine::charged).toList());
        return new Orders.StoredOrder("order-1", TENANT, "one_time", EUR, BOUGHT, OrderStatus.COMPLETED, total, "agent", List.of(lines));
    }

    private static Orders.StoredLine line(int number, ProductKind kind, TermDuration term, String net, String tax) {
        return new Orders.StoredLine(number, "P:000" + number + ":A", "P", "000" + number, "A", "Thing " + number, kind, term, 1,
                Money.of(net, "EUR"), quote(net, tax), false, LineStatus.ACTIVE, PriceQuote.zero(EUR), Optional.empty());
    }

    private static PriceQuote quote(String net, String tax) {
        return PriceQuote.fromNetAndTax(Money.of(net, "EUR"), Money.of(tax, "EUR"));
    }
}
