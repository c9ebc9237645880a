package com.cspdesk.application.subscriptions;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.cancellation.port.in.CancelOrder;
import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.cancellation.port.out.SoftwareRevocations;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.subscriptions.port.in.ChangeSubscription;
import com.cspdesk.application.subscriptions.port.in.SubscriptionView;
import com.cspdesk.application.subscriptions.port.out.Subscriptions;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.cancellation.CancellationPolicy;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.credit.CreditReason;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.identity.Role;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.Proportion;
import com.cspdesk.domain.subscription.RenewalCancellationPolicy;
import com.cspdesk.domain.subscription.RenewalPolicy;
import com.cspdesk.domain.subscription.Subscription;
import com.cspdesk.domain.subscription.SubscriptionStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class SubscriptionManagementTest {

    private static final Instant BOUGHT = Instant.parse("2026-03-10T10:00:00Z");
    private static final String TENANT = "11111111-1111-4111-8111-111111111111";
    private static final String OTHER = "22222222-2222-4222-8222-222222222222";
    private static final CustomerRef REF = CustomerRef.parse(TENANT).orElseThrow();
    private static final Actor AGENT = Actor.partner("admin.agent@partner.example", Role.ADMIN_AGENT);
    private static final PriceQuote CHARGE = PriceQuote.fromNetAndTax(Money.of("1200.00", "EUR"), Money.of("228.00", "EUR"));

    private final Customers customers = mock(Customers.class);
    private final Subscriptions subscriptions = mock(Subscriptions.class);
    private final CancelOrder cancelOrder = mock(CancelOrder.class);
    private final SoftwareRevocations revocations = mock(SoftwareRevocations.class);
    private final Credits credits = mock(Credits.class);
    private final ActivityLog activityLog = mock(ActivityLog.class);
    private final Transactions transactions = mock(Transactions.class);
    private final Subscription bought = Subscription.purchased("sub-1", TENANT, "order-1", 3,
            ProductKind.WINDOWS_SERVER_SUBSCRIPTION, TermDuration.P1Y, CHARGE, BOUGHT);
    private final Subscription renewed = new RenewalPolicy().due(bought, bought.termEnd()).orElseThrow().after();

    @BeforeEach
    void setUp() {
        when(transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        when(customers.byTenantId(TENANT)).thenReturn(Optional.of(new Customers.Customer(TENANT, "Contoso GmbH",
                "contoso.example", Market.of("DE"), BOUGHT)));
        when(customers.byTenantId(OTHER)).thenReturn(Optional.of(new Customers.Customer(OTHER, "Fabrikam Kft.",
                "fabrikam.example", Market.of("HU"), BOUGHT)));
        when(subscriptions.replace(any(), any())).thenReturn(true);
    }

    private SubscriptionManagement at(Instant now) {
        return new SubscriptionManagement(customers, subscriptions, cancelOrder, revocations, credits, activityLog, transactions,
                new RenewalCancellationPolicy(CancellationPolicy.asInSpec()), Clock.fixed(now, ZoneOffset.UTC));
    }

    private void stored(Subscription subscription) {
        when(subscriptions.find(TENANT, subscription.id())).thenReturn(Optional.of(new Subscriptions.Stored(subscription,
                "offer-1", "Windows Server 2022 Standard", 2, "one_time", false)));
    }

    private static ChangeSubscription.ChangeCommand command(ChangeSubscription.Change change) {
        return new ChangeSubscription.ChangeCommand(REF, "sub-1", change);
    }

    @Test
    void readingIsAsOrdersAndAnotherTenantsCustomerIsNotFound() {
        stored(bought);
        Lookup<SubscriptionView> read = at(BOUGHT).get(REF, "sub-1", AGENT);
        assertThat(read.ifFound()).get().satisfies(view -> {
            assertThat(view.status()).isEqualTo("active");
            assertThat(view.autoRenewEnabled()).isTrue();
            assertThat(view.termDuration()).isEqualTo("P1Y");
            assertThat(view.renewalCancellation().reason()).contains("not_renewed");
        });
        assertThat(at(BOUGHT).get(REF, "sub-1", Actor.partner("account.admin@partner.example", Role.ACCOUNT_ADMIN)))
                .isEqualTo(Lookup.notPermitted(Permission.VIEW_ORDERS));
        assertThat(at(BOUGHT).get(REF, "sub-1", Actor.customer("admin@fabrikam.example", OTHER)))
                .isEqualTo(Lookup.notFound("customer_not_found"));
        assertThat(at(BOUGHT).get(REF, "no-such", AGENT)).isEqualTo(Lookup.notFound("subscription_not_found"));
    }

    @Test
    void aPageShowsTheLineCancelledThroughItsOrderAsCancelled() {
        when(subscriptions.page(TENANT, Optional.empty(), 51)).thenReturn(List.of(new Subscriptions.Stored(bought, "offer-1",
                "Windows Server 2022 Standard", 2, "one_time", true)));
        when(subscriptions.count(TENANT)).thenReturn(1L);

        Page<SubscriptionView> page = at(BOUGHT).list(REF, PageRequest.first(50), AGENT).ifFound().orElseThrow();

        assertThat(page.items()).extracting(SubscriptionView::status).containsExactly("cancelled");
        assertThat(page.continuationToken()).isEmpty();
    }

    @Test
    void autoRenewIsSwitchedByWhoeverManagesSubscriptionsAndRecorded() {
        stored(bought);
        ChangeSubscription.ChangeResult result = at(BOUGHT).change(command(new ChangeSubscription.SwitchAutoRenew(false)), AGENT);

        assertThat(result).isInstanceOfSatisfying(ChangeSubscription.Changed.class,
                changed -> assertThat(changed.subscription().autoRenewEnabled()).isFalse());
        verify(subscriptions).replace(bought, ((Subscription.Change.Applied) bought.switchAutoRenew(false)).subscription());
        ArgumentCaptor<ActivityEntry> entry = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog).append(entry.capture());
        assertThat(entry.getValue().operationType()).isEqualTo("update_subscription");
        assertThat(entry.getValue().customizedData()).containsEntry("autoRenewEnabled", "false");
        assertThat(entry.getValue().customerId()).isEqualTo(TENANT);
    }

    @Test
    void switchingToWhatItIsChangesAndRecordsNothing() {
        stored(bought);
        assertThat(at(BOUGHT).change(command(new ChangeSubscription.SwitchAutoRenew(true)), AGENT))
                .isInstanceOf(ChangeSubscription.Changed.class);
        verify(subscriptions, never()).replace(any(), any());
        verifyNoInteractions(activityLog);
    }

    @Test
    void refusalsComeBeforeAnythingIsReadOrWritten() {
        Actor sales = Actor.partner("sales@partner.example", Role.SALES_AGENT);
        Actor globalAdmin = Actor.partner("global@partner.example", Role.GLOBAL_ADMIN);
        assertThat(at(BOUGHT).change(command(new ChangeSubscription.SwitchAutoRenew(false)), sales))
                .isEqualTo(new ChangeSubscription.NotPermitted(Permission.MANAGE_SUBSCRIPTIONS));
        assertThat(at(BOUGHT).change(command(new ChangeSubscription.Cancel()), globalAdmin))
                .isEqualTo(new ChangeSubscription.NotPermitted(Permission.CANCEL_PURCHASE));
        assertThat(at(BOUGHT).change(new ChangeSubscription.ChangeCommand(REF, "sub-1", new ChangeSubscription.SwitchAutoRenew(false)),
                Actor.customer("admin@contoso.example", TENANT)))
                .isEqualTo(new ChangeSubscription.NotPermitted(Permission.MANAGE_SUBSCRIPTIONS));
        verifyNoInteractions(subscriptions, cancelOrder, activityLog);
        assertThat(at(BOUGHT).change(command(new ChangeSubscription.Cancel()), AGENT))
                .isEqualTo(new ChangeSubscription.NotFound("subscription_not_found"));
    }

    @Test
    void anExpiredSubscriptionsAutoRenewIsNotSwitched() {
        Subscription off = ((Subscription.Change.Applied) bought.switchAutoRenew(false)).subscription();
        stored(new RenewalPolicy().due(off, off.termEnd()).orElseThrow().after());

        assertThat(at(off.termEnd()).change(command(new ChangeSubscription.SwitchAutoRenew(true)), AGENT))
                .isEqualTo(new ChangeSubscription.Refused("subscription_expired", Optional.empty()));
        verify(subscriptions, never()).replace(any(), any());
    }

    @Test
    void cancellingInTheFirstTermIsTheOrderCancellationOfItsLine() {
        stored(bought);
        when(cancelOrder.cancel(any(), eq(AGENT))).thenReturn(new CancelOrder.Cancelled(null, CHARGE));

        ChangeSubscription.ChangeResult result = at(BOUGHT.plusSeconds(60)).change(command(new ChangeSubscription.Cancel()), AGENT);

        assertThat(result).isInstanceOfSatisfying(ChangeSubscription.Changed.class,
                changed -> assertThat(changed.subscription().status()).isEqualTo("cancelled"));
        ArgumentCaptor<CancelOrder.CancelCommand> asked = ArgumentCaptor.forClass(CancelOrder.CancelCommand.class);
        verify(cancelOrder).cancel(asked.capture(), eq(AGENT));
        assertThat(asked.getValue().orderId()).isEqualTo("order-1");
        assertThat(asked.getValue().lineItemNumbers()).containsExactly(3);
        assertThat(asked.getValue().acknowledgement().given()).isTrue();
        verify(subscriptions).replace(bought, bought.cancelled());
        verifyNoInteractions(credits, revocations);
    }

    @Test
    void theOrderCancellationsRefusalIsTheAnswerAndNothingChanges() {
        stored(bought);
        when(cancelOrder.cancel(any(), eq(AGENT))).thenReturn(new CancelOrder.Refused("cancellation_window_passed",
                Optional.of(3), false));

        assertThat(at(BOUGHT.plus(Duration.ofDays(61))).change(command(new ChangeSubscription.Cancel()), AGENT))
                .isEqualTo(new ChangeSubscription.Refused("cancellation_window_passed", Optional.empty()));
        verify(subscriptions, never()).replace(any(), any());
    }

    @Test
    void aRenewalCancelledOnDay10EndsTheSubscriptionRevokesItsSoftwareAndCreditsTheRestOfTheTermOnce() {
        stored(renewed);
        Instant day10 = renewed.termStart().plus(Duration.ofDays(10));

        ChangeSubscription.ChangeResult result = at(day10).change(command(new ChangeSubscription.Cancel()), AGENT);

        assertThat(result).isInstanceOfSatisfying(ChangeSubscription.Changed.class, changed -> {
            assertThat(changed.subscription().status()).isEqualTo("cancelled");
            assertThat(changed.subscription().termNumber()).isEqualTo(2);
        });
        verify(subscriptions).replace(renewed, renewed.cancelled());
        verify(revocations).revoke("order-1", List.of(3));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<Credits.CreditNote>> notes = ArgumentCaptor.forClass(List.class);
        verify(credits).issue(notes.capture());
        Credits.CreditNote note = notes.getValue().get(0);
        // The renewed term 2027-03-10 → 2028-03-10 has 366 days, 10 of them used.
        assertThat(note.credit()).isEqualTo(CHARGE.share(Proportion.of(356, 366)));
        assertThat(note.reason()).isEqualTo(CreditReason.RENEWAL_CANCELLATION);
        assertThat(note.sourceRef()).contains("sub-1:2");
        assertThat(note.lineItemNumber()).isEqualTo(3);
        ArgumentCaptor<ActivityEntry> entries = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog, org.mockito.Mockito.times(2)).append(entries.capture());
        assertThat(entries.getAllValues()).extracting(ActivityEntry::operationType)
                .containsExactly("cancel_subscription_renewal", "issue_credit");
        verifyNoInteractions(cancelOrder);
    }

    @Test
    void aRenewalPastItsWindowIsRefusedWithTheWindowsEnd() {
        stored(renewed);
        Instant windowEnd = renewed.termStart().plus(Duration.ofDays(60));

        assertThat(at(windowEnd.plusSeconds(1)).change(command(new ChangeSubscription.Cancel()), AGENT))
                .isEqualTo(new ChangeSubscription.Refused("renewal_cancellation_window_passed", Optional.of(windowEnd)));
        verify(subscriptions, never()).replace(any(), any());
        verifyNoInteractions(credits, revocations);
    }

    @Test
    void aChangeThatLostToARenewalIsDecidedAgainFromTheNewState() {
        when(subscriptions.find(TENANT, "sub-1")).thenReturn(
                Optional.of(new Subscriptions.Stored(bought, "offer-1", "WS", 2, "one_time", false)),
                Optional.of(new Subscriptions.Stored(renewed, "offer-1", "WS", 2, "one_time", false)));
        when(subscriptions.replace(eq(bought), any())).thenReturn(false);
        Subscription renewedOff = ((Subscription.Change.Applied) renewed.switchAutoRenew(false)).subscription();

        ChangeSubscription.ChangeResult result = at(renewed.termStart()).change(
                command(new ChangeSubscription.SwitchAutoRenew(false)), AGENT);

        assertThat(result).isInstanceOfSatisfying(ChangeSubscription.Changed.class, changed -> {
            assertThat(changed.subscription().termNumber()).isEqualTo(2);
            assertThat(changed.subscription().autoRenewEnabled()).isFalse();
        });
        verify(subscriptions).replace(renewed, renewedOff);
        assertThat(renewedOff.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }
}
