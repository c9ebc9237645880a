package com.cspdesk.contracts;

import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter;
import com.cspdesk.application.portfolio.port.out.SubscriptionsAcrossCustomers;
import com.cspdesk.application.portfolio.port.out.SubscriptionsAcrossCustomers.CustomerSubscription;
import com.cspdesk.application.ordering.port.out.SubscriptionStarts;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.order.OrderStatus;
import com.cspdesk.domain.subscription.Subscription;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.cspdesk.contracts.CancellationFixtures.credit;
import static com.cspdesk.contracts.CancellationFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link SubscriptionsAcrossCustomers} must do (issue #16): every customer's subscriptions, the soonest
 * term end first, in keyset pages, filtered by customer, product, status as shown (a first-term line cancelled with
 * its order is cancelled) and a term-end range. Each test has customers of its own.
 */
public abstract class SubscriptionsAcrossCustomersContract extends PortContract {

    private static final Instant MAY = Instant.parse("2026-05-01T08:00:00Z");
    private static final Instant MARCH = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void soonestTermEndFirstInKeysetPagesFilteredByCustomerProductStatusAndTermEnd() {
        String tenant = SampleOrders.tenant();
        StoredOrder may = stored(tenant, 2, MAY);
        StoredOrder march = stored(tenant, 1, MARCH);
        List<Subscription> mayLines = start(may);
        Subscription marchLine = start(march).get(0);
        start(stored(SampleOrders.tenant(), 1, MARCH));
        AcrossCustomersFilter customer = new AcrossCustomersFilter(Optional.of(tenant), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());

        List<CustomerSubscription> all = page(customer, Optional.empty(), 10);

        List<String> mayIds = mayLines.stream().map(Subscription::id).sorted().toList();
        assertThat(all).extracting(row -> row.stored().subscription().id())
                .containsExactly(marchLine.id(), mayIds.get(0), mayIds.get(1));
        assertThat(all).allSatisfy(row -> assertThat(row.customerName()).isEqualTo(tenant));
        CustomerSubscription second = all.get(1);
        assertThat(page(customer, Optional.of(new AcrossCustomersFilter.Position(second.stored().subscription().termEnd(),
                second.stored().subscription().id())), 10)).containsExactly(all.get(2));
        assertThat(page(customer, Optional.empty(), 1)).containsExactly(all.get(0));

        AcrossCustomersFilter dueInApril = new AcrossCustomersFilter(Optional.of(tenant), Optional.empty(), Optional.of("active"),
                Optional.of(Instant.parse("2027-04-01T00:00:00Z")), Optional.of(Instant.parse("2027-06-01T00:00:00Z")));
        assertThat(page(dueInApril, Optional.empty(), 10)).extracting(row -> row.stored().subscription().id())
                .containsExactlyElementsOf(mayIds);
        String product = march.lines().get(0).productId();
        assertThat(page(new AcrossCustomersFilter(Optional.of(tenant), Optional.of(product), Optional.empty(), Optional.empty(),
                Optional.empty()), Optional.empty(), 10)).hasSize(3);
        assertThat(page(new AcrossCustomersFilter(Optional.of(tenant), Optional.of("NO-SUCH-PRODUCT"), Optional.empty(),
                Optional.empty(), Optional.empty()), Optional.empty(), 10)).isEmpty();

        inTransaction(() -> {
            port(OrderCancellations.class).markCancelled(march.id(), List.of(new OrderCancellations.CancelledLine(1,
                    credit("100.00", "19.00"), MARCH.plusSeconds(60))), OrderStatus.CANCELLED);
            return null;
        });
        assertThat(page(withStatus(tenant, "cancelled"), Optional.empty(), 10)).extracting(row -> row.stored().subscription().id())
                .containsExactly(marchLine.id());
        assertThat(page(withStatus(tenant, "active"), Optional.empty(), 10)).hasSize(2);
        assertThat(page(withStatus(tenant, "expired"), Optional.empty(), 10)).isEmpty();
    }

    private static AcrossCustomersFilter withStatus(String tenant, String status) {
        return new AcrossCustomersFilter(Optional.of(tenant), Optional.empty(), Optional.of(status), Optional.empty(),
                Optional.empty());
    }

    private List<CustomerSubscription> page(AcrossCustomersFilter filter, Optional<AcrossCustomersFilter.Position> after,
                                            int limit) {
        return inTransaction(() -> port(SubscriptionsAcrossCustomers.class).page(filter, after, limit));
    }

    private StoredOrder stored(String tenant, int lines, Instant createdAt) {
        StoredOrder template = order(tenant, lines, ProductKind.WINDOWS_SERVER_SUBSCRIPTION);
        StoredOrder order = new StoredOrder(template.id(), tenant, template.billingCycle(), template.currency(), createdAt,
                template.status(), template.totals(), template.createdBy(), template.lines());
        port(Orders.class).add(order);
        return order;
    }

    private List<Subscription> start(StoredOrder order) {
        List<Subscription> subscriptions = order.lines().stream().map(line -> Subscription.purchased(UUID.randomUUID().toString(),
                order.customerTenantId(), order.id(), line.lineItemNumber(), line.kind(), line.term(), line.charged(),
                order.createdAt())).toList();
        inTransaction(() -> {
            port(SubscriptionStarts.class).start(subscriptions);
            return null;
        });
        return subscriptions;
    }
}
