package com.cspdesk.contracts;

import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.cancellation.port.out.OrderCancellations;
import com.cspdesk.application.cancellation.port.out.OrderCancellations.CancelledLine;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredLine;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import static com.cspdesk.contracts.CancellationFixtures.BOUGHT;
import static com.cspdesk.contracts.CancellationFixtures.credit;
import static com.cspdesk.contracts.CancellationFixtures.customer;
import static com.cspdesk.contracts.CancellationFixtures.note;
import static com.cspdesk.contracts.CancellationFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What every {@link OrderCancellations} must do: read an order under its tenant only, with its lines,
 * and hold it for the rest of the unit of work, so two cancellations of one order credit it once and
 * cancellations of one customer's orders (which share its reservation refund allowance) queue on the
 * customer; mark lines cancelled with their credit, as the Orders port then reads them. The tests
 * assert what must hold whichever thread comes first, never a timing.
 */
public abstract class OrderCancellationsContract extends PortContract {

    private static final Instant CANCELLED_AT = Instant.parse("2026-12-03T09:41:07.123456Z");

    @Test
    void readsTheOrderWithItsLinesAsTheOrdersPortDoesOnlyUnderItsTenant() {
        StoredOrder order = order(UUID.randomUUID().toString(), 3, ProductKind.PERPETUAL_SOFTWARE);
        port(Orders.class).add(order);

        Optional<StoredOrder> locked = inTransaction(() ->
                port(OrderCancellations.class).lockForCancellation(order.customerTenantId(), order.id()));

        assertThat(locked).contains(port(Orders.class).find(order.customerTenantId(), order.id()).orElseThrow());
        assertThat(locked.orElseThrow().lines()).extracting(StoredLine::lineItemNumber).containsExactly(1, 2, 3);
        assertThat(inTransaction(() -> port(OrderCancellations.class).lockForCancellation(UUID.randomUUID().toString(),
                order.id()))).isEmpty();
        assertThat(inTransaction(() -> port(OrderCancellations.class).lockForCancellation(order.customerTenantId(),
                "no-such-order"))).isEmpty();
    }

    @Test
    void marksTheLinesCancelledWithTheirCreditAndSetsTheOrdersStatus() {
        StoredOrder order = order(UUID.randomUUID().toString(), 3, ProductKind.PERPETUAL_SOFTWARE);
        port(Orders.class).add(order);

        inTransaction(() -> {
            port(OrderCancellations.class).markCancelled(order.id(), List.of(
                    new CancelledLine(1, credit("3629.40", "689.59"), CANCELLED_AT),
                    new CancelledLine(3, credit("1814.70", "344.79"), CANCELLED_AT)), OrderStatus.COMPLETED);
            return null;
        });

        StoredOrder read = port(Orders.class).find(order.customerTenantId(), order.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(read.lines()).extracting(StoredLine::status)
                .containsExactly(LineStatus.CANCELLED, LineStatus.ACTIVE, LineStatus.CANCELLED);
        assertThat(read.lines().get(0).credited()).isEqualTo(credit("3629.40", "689.59"));
        assertThat(read.lines().get(2).credited()).isEqualTo(credit("1814.70", "344.79"));
        assertThat(read.lines().get(1).credited()).isEqualTo(PriceQuote.zero(order.currency()));
        assertThat(read.lines().get(0).cancelledAt()).contains(CANCELLED_AT);
        assertThat(read.lines().get(1).cancelledAt()).isEmpty();
        assertThat(read.lines().get(0).charged()).isEqualTo(order.lines().get(0).charged());
        assertThat(port(Orders.class).page(order.customerTenantId(), Optional.empty(), 10)).containsExactly(read);

        inTransaction(() -> {
            port(OrderCancellations.class).markCancelled(order.id(), List.of(new CancelledLine(2, credit("0.01",
                    "0.00"), CANCELLED_AT)),
                    OrderStatus.CANCELLED);
            return null;
        });
        assertThat(port(Orders.class).find(order.customerTenantId(),
                order.id()).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aCancellationInAUnitThatFailsLeavesTheOrderAsItWas() {
        StoredOrder order = order(UUID.randomUUID().toString(), 2, ProductKind.PERPETUAL_SOFTWARE);
        port(Orders.class).add(order);

        try {
            inTransaction(() -> {
                port(OrderCancellations.class).lockForCancellation(order.customerTenantId(), order.id()).orElseThrow();
                port(OrderCancellations.class).markCancelled(order.id(), List.of(new CancelledLine(1, credit("1.00", "0.19"),
                        CANCELLED_AT)), OrderStatus.CANCELLED);
                throw new IllegalStateException("the credit could not be issued");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("the credit could not be issued");
        }

        assertThat(port(Orders.class).find(order.customerTenantId(), order.id())).contains(order);
    }

    /** Two cancellations of one order at once: the second reads what the first wrote, so the line is credited once. */
    @Test
    void ofTwoCancellationsOfOneLineAtOnceExactlyOneCreditsIt() throws Exception {
        StoredOrder order = order(UUID.randomUUID().toString(), 2, ProductKind.AZURE_RESERVATION_VM);
        port(Customers.class).add(customer(order.customerTenantId()));
        port(Orders.class).add(order);
        Callable<Boolean> cancelLineOne = () -> inTransaction(() -> {
            StoredOrder locked = port(OrderCancellations.class).lockForCancellation(order.customerTenantId(),
                    order.id()).orElseThrow();
            if (locked.lines().get(0).status() != LineStatus.ACTIVE) {
                return false;
            }
            port(OrderCancellations.class).markCancelled(order.id(), List.of(new CancelledLine(1, credit("3629.40", "689.59"),
                    CANCELLED_AT)), OrderStatus.COMPLETED);
            port(Credits.class).issue(List.of(note(order, 1, ProductKind.AZURE_RESERVATION_VM, credit("3629.40", "689.59"),
                    CANCELLED_AT)));
            return true;
        });

        List<Boolean> cancelled = Concurrently.run(List.of(cancelLineOne, cancelLineOne));

        assertThat(cancelled).containsExactlyInAnyOrder(true, false);
        assertThat(port(Credits.class).reservationRefundsSince(order.customerTenantId(), BOUGHT))
                .containsExactly(Money.of("4318.99", "EUR"));
        assertThat(port(Orders.class).find(order.customerTenantId(), order.id()).orElseThrow().lines())
                .extracting(StoredLine::status).containsExactly(LineStatus.CANCELLED, LineStatus.ACTIVE);
    }

    /**
     * A customer's reservation refund allowance is shared by its orders: a cancellation of another of
     * its orders, started while the first holds its order, reads the allowance the first used up.
     */
    @Test
    void cancellationsOfTwoOrdersOfOneCustomerQueueOnTheCustomer() throws Exception {
        String tenant = UUID.randomUUID().toString();
        port(Customers.class).add(customer(tenant));
        StoredOrder one = order(tenant, 1, ProductKind.AZURE_RESERVATION_VM);
        StoredOrder other = order(tenant, 1, ProductKind.AZURE_RESERVATION_VM);
        port(Orders.class).add(one);
        port(Orders.class).add(other);
        CountDownLatch firstHoldsItsOrder = new CountDownLatch(1);
        CountDownLatch secondAsks = new CountDownLatch(1);
        Callable<List<Money>> first = () -> inTransaction(() -> {
            port(OrderCancellations.class).lockForCancellation(tenant, one.id()).orElseThrow();
            firstHoldsItsOrder.countDown();
            Latches.await(secondAsks);
            port(Credits.class).issue(List.of(note(one, 1, ProductKind.AZURE_RESERVATION_VM, credit("100.00", "19.00"),
                    CANCELLED_AT)));
            return List.of();
        });
        Callable<List<Money>> second = () -> {
            Latches.await(firstHoldsItsOrder);
            secondAsks.countDown();
            return inTransaction(() -> {
                port(OrderCancellations.class).lockForCancellation(tenant, other.id()).orElseThrow();
                return port(Credits.class).reservationRefundsSince(tenant, BOUGHT);
            });
        };

        List<List<Money>> seen = Concurrently.run(List.of(first, second));

        assertThat(seen.get(1)).as("the second read the allowance after the first's credit")
                .containsExactly(Money.of("119.00", "EUR"));
    }

    @Test
    void creditsAddToWhatALineWasCreditedAndNeverBeyondItsCharge() {
        StoredOrder order = order(UUID.randomUUID().toString(), 2, ProductKind.PERPETUAL_SOFTWARE);
        port(Orders.class).add(order);
        PriceQuote charged = order.lines().get(0).charged();
        PriceQuote part = PriceQuote.fromNetAndTax(charged.net().minus(charged.net().minorUnit()), charged.tax());

        inTransaction(() -> {
            port(OrderCancellations.class).addCredits(order.id(), Map.of(1, part));
            return null;
        });
        Throwable beyond = catchThrowable(() -> inTransaction(() -> {
            port(OrderCancellations.class).addCredits(order.id(), Map.of(2, credit("0.01", "0.00"),
                    1, PriceQuote.fromNetAndTax(charged.net().minorUnit().times(2), charged.tax().minus(charged.tax()))));
            return null;
        }));
        inTransaction(() -> {
            port(OrderCancellations.class).addCredits(order.id(), Map.of(1, charged.minus(part)));
            return null;
        });

        assertThat(beyond).isNotNull();
        StoredOrder read = port(Orders.class).find(order.customerTenantId(), order.id()).orElseThrow();
        assertThat(read.lines().get(0).credited()).isEqualTo(charged);
        assertThat(read.lines().get(0).status()).isEqualTo(LineStatus.ACTIVE);
        // The refused unit took line 2's credit with it.
        assertThat(read.lines().get(1).credited()).isEqualTo(PriceQuote.zero(order.currency()));
    }
}
