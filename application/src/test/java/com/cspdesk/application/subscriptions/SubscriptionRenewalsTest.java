package com.cspdesk.application.subscriptions;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.cancellation.port.out.SoftwareRevocations;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.invoicing.port.out.RenewalCharges;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.subscriptions.port.out.Subscriptions;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.subscription.Subscription;
import com.cspdesk.domain.subscription.SubscriptionStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

class SubscriptionRenewalsTest {

    private static final Instant BOUGHT = Instant.parse("2026-02-10T09:30:00Z");
    private static final String TENANT = "11111111-1111-4111-8111-111111111111";
    private static final PriceQuote CHARGE = PriceQuote.fromNetAndTax(Money.of("1000.00", "EUR"), Money.of("190.00", "EUR"));

    private final Subscriptions subscriptions = mock(Subscriptions.class);
    private final RenewalCharges charges = mock(RenewalCharges.class);
    private final SoftwareRevocations revocations = mock(SoftwareRevocations.class);
    private final Customers customers = mock(Customers.class);
    private final ActivityLog activityLog = mock(ActivityLog.class);
    private final Transactions transactions = mock(Transactions.class);

    @BeforeEach
    void setUp() {
        when(transactions.inTransaction(any())).thenAnswer(call -> ((Supplier<?>) call.getArgument(0)).get());
        when(customers.byTenantId(TENANT)).thenReturn(Optional.of(new Customers.Customer(TENANT, "Contoso GmbH",
                "contoso.example", Market.of("DE"), BOUGHT)));
        when(subscriptions.replace(any(), any())).thenReturn(true);
    }

    private SubscriptionRenewals at(Instant now) {
        return new SubscriptionRenewals(subscriptions, charges, revocations, customers, activityLog, transactions,
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Subscription bought() {
        return Subscription.purchased("sub-1", TENANT, "order-1", 0, ProductKind.WINDOWS_SERVER_SUBSCRIPTION, TermDuration.P1Y,
                CHARGE, BOUGHT);
    }

    private static Subscriptions.Stored stored(Subscription subscription, boolean lineCancelled) {
        return new Subscriptions.Stored(subscription, "offer", "Windows Server 2022 Standard", 1, "one_time", lineCancelled);
    }

    @Test
    void aTermEndedWithAutoRenewIsRenewedAtItsEndChargedOnceAndRecordedBySystem() {
        Subscription subscription = bought();
        Instant now = subscription.termEnd().plusSeconds(30);
        when(subscriptions.due(now, SubscriptionRenewals.BATCH)).thenReturn(List.of(stored(subscription, false)));

        assertThat(at(now).renewDue()).isEqualTo(1);

        ArgumentCaptor<Subscription> after = ArgumentCaptor.forClass(Subscription.class);
        verify(subscriptions).replace(org.mockito.ArgumentMatchers.eq(subscription), after.capture());
        assertThat(after.getValue().termNumber()).isEqualTo(2);
        assertThat(after.getValue().termStart()).isEqualTo(subscription.termEnd());
        ArgumentCaptor<RenewalCharges.RenewalCharge> charge = ArgumentCaptor.forClass(RenewalCharges.RenewalCharge.class);
        verify(charges).add(charge.capture());
        assertThat(charge.getValue()).isEqualTo(new RenewalCharges.RenewalCharge("order-1", 0, 2, TENANT, CHARGE,
                subscription.termEnd(), after.getValue().termEnd(), now));
        ArgumentCaptor<ActivityEntry> entry = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog).append(entry.capture());
        assertThat(entry.getValue().operationType()).isEqualTo("renew_subscription");
        assertThat(entry.getValue().userPrincipalName()).isEqualTo("system");
        assertThat(entry.getValue().resourceType()).isEqualTo("subscription");
        assertThat(entry.getValue().resourceId()).isEqualTo("sub-1");
        assertThat(entry.getValue().customerName()).isEqualTo("Contoso GmbH");
        assertThat(entry.getValue().customizedData()).containsEntry("termNumber", "2").containsEntry("chargeGross", "1190.00");
        verifyNoInteractions(revocations);
    }

    @Test
    void termsOverdueForYearsRenewOneByOneEachCharged() {
        Subscription subscription = bought();
        Instant now = subscription.termEnd().atOffset(ZoneOffset.UTC).plusYears(2).plusDays(1).toInstant();
        when(subscriptions.due(now, SubscriptionRenewals.BATCH)).thenReturn(List.of(stored(subscription, false)));

        assertThat(at(now).renewDue()).isEqualTo(3);

        ArgumentCaptor<RenewalCharges.RenewalCharge> charge = ArgumentCaptor.forClass(RenewalCharges.RenewalCharge.class);
        verify(charges, times(3)).add(charge.capture());
        assertThat(charge.getAllValues()).extracting(RenewalCharges.RenewalCharge::termNumber).containsExactly(2, 3, 4);
    }

    @Test
    void withoutAutoRenewItExpiresAndItsKeysAndLinksAreRevoked() {
        Subscription off = ((Subscription.Change.Applied) bought().switchAutoRenew(false)).subscription();
        Instant now = off.termEnd();
        when(subscriptions.due(now, SubscriptionRenewals.BATCH)).thenReturn(List.of(stored(off, false)));

        assertThat(at(now).renewDue()).isEqualTo(1);

        ArgumentCaptor<Subscription> after = ArgumentCaptor.forClass(Subscription.class);
        verify(subscriptions).replace(org.mockito.ArgumentMatchers.eq(off), after.capture());
        assertThat(after.getValue().status()).isEqualTo(SubscriptionStatus.EXPIRED);
        verify(revocations).revoke("order-1", List.of(0));
        verify(charges, never()).add(any());
        ArgumentCaptor<ActivityEntry> entry = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog).append(entry.capture());
        assertThat(entry.getValue().operationType()).isEqualTo("expire_subscription");
    }

    @Test
    void anotherInstanceThatRenewedTheTermFirstLeavesNothingToWrite() {
        Subscription subscription = bought();
        Instant now = subscription.termEnd();
        when(subscriptions.due(now, SubscriptionRenewals.BATCH)).thenReturn(List.of(stored(subscription, false)));
        when(subscriptions.replace(any(), any())).thenReturn(false);

        assertThat(at(now).renewDue()).isZero();

        verify(charges, never()).add(any());
        verifyNoInteractions(activityLog, revocations);
    }

    @Test
    void aSubscriptionWhoseLineWasCancelledThroughItsOrderIsMarkedCancelledNotRenewed() {
        Subscription subscription = bought();
        Instant now = subscription.termEnd();
        when(subscriptions.due(now, SubscriptionRenewals.BATCH)).thenReturn(List.of(stored(subscription, true)));

        at(now).renewDue();

        verify(subscriptions).replace(subscription, subscription.cancelled());
        verify(charges, never()).add(any());
        verifyNoInteractions(activityLog, revocations);
    }

    @Test
    void nothingDueIsNothingDone() {
        when(subscriptions.due(any(), anyInt())).thenReturn(List.of());

        assertThat(at(BOUGHT).renewDue()).isZero();

        verify(subscriptions, never()).replace(any(), any());
    }
}
