package com.cspdesk.contracts;

import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.ordering.port.out.SubscriptionStarts;
import com.cspdesk.application.subscriptions.port.out.Subscriptions;
import com.cspdesk.application.subscriptions.port.out.Subscriptions.Stored;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.order.OrderStatus;
import com.cspdesk.domain.subscription.RenewalPolicy;
import com.cspdesk.domain.subscription.Subscription;
import com.cspdesk.domain.subscription.SubscriptionStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import static com.cspdesk.contracts.CancellationFixtures.credit;
import static com.cspdesk.contracts.CancellationFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Subscriptions} (and {@link SubscriptionStarts}) must do (issue #16): subscriptions
 * stored with their order, found only through their tenant with what their line says, pages newest
 * first, the due ones in term-end order, and a change that is a compare-and-set — of two instances
 * deciding the same renewal at the same time, exactly one writes it.
 */
public abstract class SubscriptionsContract extends PortContract {

    private static final RenewalPolicy RENEWALS = new RenewalPolicy();

    @Test
    void aSubscriptionIsFoundThroughItsTenantOnlyWithWhatItsLineSays() {
        StoredOrder order = stored(SampleOrders.tenant(), 2, Instant.parse("2026-05-01T08:00:00.123456Z"));
        List<Subscription> started = start(order);

        Stored found = port(Subscriptions.class).find(order.customerTenantId(), started.get(1).id()).orElseThrow();

        assertThat(found.subscription()).isEqualTo(started.get(1));
        assertThat(found.offerId()).isEqualTo(order.lines().get(1).offerId());
        assertThat(found.friendlyName()).isEqualTo(order.lines().get(1).friendlyName());
        assertThat(found.quantity()).isEqualTo(order.lines().get(1).quantity());
        assertThat(found.billingCycle()).isEqualTo(order.billingCycle());
        assertThat(found.lineCancelled()).isFalse();
        assertThat(port(Subscriptions.class).find(SampleOrders.tenant(), started.get(1).id())).isEmpty();
        assertThat(port(Subscriptions.class).find(order.customerTenantId(), "no-such-subscription")).isEmpty();
    }

    @Test
    void aLineCancelledThroughItsOrderReadsAsCancelled() {
        StoredOrder order = stored(SampleOrders.tenant(), 1, Instant.parse("2026-05-02T08:00:00Z"));
        Subscription subscription = start(order).get(0);

        inTransaction(() -> {
            port(OrderCancellations.class).markCancelled(order.id(), List.of(new OrderCancellations.CancelledLine(1,
                    credit("100.00", "19.00"), order.createdAt().plusSeconds(60))), OrderStatus.CANCELLED);
            return null;
        });

        assertThat(port(Subscriptions.class).find(order.customerTenantId(), subscription.id()).orElseThrow().lineCancelled())
                .isTrue();
    }

    @Test
    void aCustomersSubscriptionsComeNewestFirstInKeysetPagesAndAreCounted() {
        String tenant = SampleOrders.tenant();
        Instant first = Instant.parse("2026-06-01T10:00:00Z");
        List<Subscription> older = start(stored(tenant, 2, first));
        List<Subscription> newer = start(stored(tenant, 1, first.plusSeconds(5)));
        start(stored(SampleOrders.tenant(), 1, first));

        List<Stored> page1 = port(Subscriptions.class).page(tenant, Optional.empty(), 2);
        Subscription last = page1.get(1).subscription();
        List<Stored> page2 = port(Subscriptions.class).page(tenant, Optional.of(new Subscriptions.Cursor(last.createdAt(),
                last.id())), 2);

        List<String> olderByIdDescending = older.stream().map(Subscription::id).sorted((a, b) -> b.compareTo(a)).toList();
        assertThat(page1).extracting(s -> s.subscription().id()).containsExactly(newer.get(0).id(), olderByIdDescending.get(0));
        assertThat(page2).extracting(s -> s.subscription().id()).containsExactly(olderByIdDescending.get(1));
        assertThat(port(Subscriptions.class).count(tenant)).isEqualTo(3);
        assertThat(port(Subscriptions.class).page(tenant, Optional.empty(), 0)).isEmpty();
    }

    @Test
    void theDueAreTheActiveWhoseTermHasEndedEarliestEndFirst() {
        Instant bought = Instant.parse("2001-03-01T00:00:00Z");
        Subscription early = start(stored(SampleOrders.tenant(), 1, bought)).get(0);
        Subscription later = start(stored(SampleOrders.tenant(), 1, bought.plusSeconds(1))).get(0);
        Subscription expired = start(stored(SampleOrders.tenant(), 1, bought)).get(0);
        inTransaction(() -> port(Subscriptions.class).replace(expired, off(expired)));
        inTransaction(() -> port(Subscriptions.class).replace(off(expired),
                RENEWALS.due(off(expired), expired.termEnd()).orElseThrow().after()));
        Set<String> mine = Set.of(early.id(), later.id(), expired.id());

        assertThat(due(early.termEnd().minusNanos(1000), mine)).isEmpty();
        assertThat(due(early.termEnd(), mine)).containsExactly(early.id());
        assertThat(due(later.termEnd(), mine)).containsExactly(early.id(), later.id());
    }

    @Test
    void aChangeIsWrittenOnlyOverTheStateItWasDecidedFrom() {
        StoredOrder order = stored(SampleOrders.tenant(), 1, Instant.parse("2026-07-01T12:00:00Z"));
        Subscription bought = start(order).get(0);
        Subscription renewed = RENEWALS.due(bought, bought.termEnd()).orElseThrow().after();

        assertThat(inTransaction(() -> port(Subscriptions.class).replace(bought, renewed))).isTrue();
        assertThat(inTransaction(() -> port(Subscriptions.class).replace(bought, renewed))).isFalse();
        assertThat(inTransaction(() -> port(Subscriptions.class).replace(bought, off(bought)))).isFalse();
        assertThat(port(Subscriptions.class).find(order.customerTenantId(), bought.id()).orElseThrow().subscription())
                .isEqualTo(renewed);
        // Auto-renew switched off meanwhile: a renewal decided with it on is not written.
        assertThat(inTransaction(() -> port(Subscriptions.class).replace(renewed, off(renewed)))).isTrue();
        Subscription third = RENEWALS.due(renewed, renewed.termEnd()).orElseThrow().after();
        assertThat(inTransaction(() -> port(Subscriptions.class).replace(renewed, third))).isFalse();
        Subscription expired = RENEWALS.due(off(renewed), renewed.termEnd()).orElseThrow().after();
        assertThat(inTransaction(() -> port(Subscriptions.class).replace(off(renewed), expired))).isTrue();
        assertThat(port(Subscriptions.class).find(order.customerTenantId(), bought.id()).orElseThrow().subscription().status())
                .isEqualTo(SubscriptionStatus.EXPIRED);
    }

    @Test
    void twoInstancesRenewingTheSameTermAtOnceRenewItOnce() throws Exception {
        StoredOrder order = stored(SampleOrders.tenant(), 1, Instant.parse("2026-08-01T12:00:00Z"));
        Subscription bought = start(order).get(0);
        CountDownLatch bothRead = new CountDownLatch(2);
        List<Callable<Boolean>> instances = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            instances.add(() -> {
                Subscription read = port(Subscriptions.class).find(order.customerTenantId(), bought.id()).orElseThrow()
                        .subscription();
                Subscription renewed = RENEWALS.due(read, read.termEnd()).orElseThrow().after();
                bothRead.countDown();
                Latches.await(bothRead);
                return inTransaction(() -> port(Subscriptions.class).replace(read, renewed));
            });
        }

        List<Boolean> written = Concurrently.run(instances);

        assertThat(written).containsExactlyInAnyOrder(true, false);
        assertThat(port(Subscriptions.class).find(order.customerTenantId(), bought.id()).orElseThrow().subscription()
                .termNumber()).isEqualTo(2);
    }

    @Test
    void subscriptionsStartedInAUnitThatFailsAreNotStored() {
        StoredOrder order = stored(SampleOrders.tenant(), 1, Instant.parse("2026-09-01T12:00:00Z"));
        List<Subscription> subscriptions = subscriptionsOf(order);

        assertThatThrownBy(() -> inTransaction(() -> {
            port(SubscriptionStarts.class).start(subscriptions);
            throw new IllegalStateException("the order failed later");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(port(Subscriptions.class).find(order.customerTenantId(), subscriptions.get(0).id())).isEmpty();
        assertThat(port(Subscriptions.class).count(order.customerTenantId())).isZero();
    }

    private List<String> due(Instant now, Set<String> mine) {
        return port(Subscriptions.class).due(now, 10_000).stream().map(s -> s.subscription().id()).filter(mine::contains)
                .toList();
    }

    private static Subscription off(Subscription subscription) {
        return ((Subscription.Change.Applied) subscription.switchAutoRenew(false)).subscription();
    }

    private StoredOrder stored(String tenant, int lines, Instant createdAt) {
        StoredOrder template = order(tenant, lines, ProductKind.WINDOWS_SERVER_SUBSCRIPTION);
        StoredOrder order = new StoredOrder(template.id(), tenant, template.billingCycle(), template.currency(), createdAt,
                template.status(), template.totals(), template.createdBy(), template.lines());
        port(Orders.class).add(order);
        return order;
    }

    private List<Subscription> start(StoredOrder order) {
        List<Subscription> subscriptions = subscriptionsOf(order);
        inTransaction(() -> {
            port(SubscriptionStarts.class).start(subscriptions);
            return null;
        });
        return subscriptions;
    }

    private static List<Subscription> subscriptionsOf(StoredOrder order) {
        return order.lines().stream().map(line -> Subscription.purchased(UUID.randomUUID().toString(), order.customerTenantId(),
                order.id(), line.lineItemNumber(), line.kind(), line.term(), line.charged(), order.createdAt())).toList();
    }
}
