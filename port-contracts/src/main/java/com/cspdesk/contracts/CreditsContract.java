package com.cspdesk.contracts;

import com.cspdesk.application.cancellation.port.out.Credits;
import com.cspdesk.application.ordering.port.out.Orders;
import com.cspdesk.application.ordering.port.out.Orders.StoredOrder;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.credit.CreditReason;
import com.cspdesk.domain.money.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static com.cspdesk.contracts.CancellationFixtures.credit;
import static com.cspdesk.contracts.CancellationFixtures.note;
import static com.cspdesk.contracts.CancellationFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What every {@link Credits} must do: one cancellation credit per order line and one credit per line and
 * source (a refund request) — a batch breaking either is refused whole (it throws, and none of it is
 * kept) — while goodwill credits may follow each other; and a customer's reservation refunds
 * since a date, oldest first, counting only its Azure reservations. Each test has customers of its own.
 */
public abstract class CreditsContract extends PortContract {

    private static final Instant SINCE = Instant.parse("2026-01-15T00:00:00Z");

    @Test
    void reservationRefundsSinceADateCountOnlyThatCustomersReservationsOldestFirst() {
        String tenant = UUID.randomUUID().toString();
        StoredOrder vm = order(tenant, 2, ProductKind.AZURE_RESERVATION_VM);
        StoredOrder sql = order(tenant, 1, ProductKind.AZURE_RESERVATION_SQL);
        StoredOrder software = order(tenant, 1, ProductKind.WINDOWS_SERVER_SUBSCRIPTION);
        StoredOrder otherCustomers = order(UUID.randomUUID().toString(), 1, ProductKind.AZURE_RESERVATION_VM);
        List.of(vm, sql, software, otherCustomers).forEach(port(Orders.class)::add);
        port(Credits.class).issue(List.of(
                note(sql, 1, ProductKind.AZURE_RESERVATION_SQL, credit("300.00", "57.00"), SINCE.plusSeconds(86_400)),
                note(vm, 1, ProductKind.AZURE_RESERVATION_VM, credit("100.00", "19.00"), SINCE.minusNanos(1000)),
                note(vm, 2, ProductKind.AZURE_RESERVATION_VM, credit("200.00", "38.00"), SINCE)));
        port(Credits.class).issue(List.of(note(software, 1, ProductKind.WINDOWS_SERVER_SUBSCRIPTION, credit("400.00", "76.00"),
                SINCE.plusSeconds(3600))));
        port(Credits.class).issue(List.of(note(otherCustomers, 1, ProductKind.AZURE_RESERVATION_VM, credit("500.00", "95.00"),
                SINCE.plusSeconds(3600))));

        List<Money> refunds = port(Credits.class).reservationRefundsSince(tenant, SINCE);

        assertThat(refunds).containsExactly(Money.of("238.00", "EUR"), Money.of("357.00", "EUR"));
        assertThat(port(Credits.class).reservationRefundsSince(tenant, SINCE.plusSeconds(86_401))).isEmpty();
        assertThat(port(Credits.class).reservationRefundsSince(UUID.randomUUID().toString(), SINCE)).isEmpty();
    }

    @Test
    void aSecondCreditForTheSameLineIsRefusedAndTakesNothingWithIt() {
        StoredOrder order = order(UUID.randomUUID().toString(), 2, ProductKind.AZURE_RESERVATION_VM);
        port(Orders.class).add(order);
        Instant issued = Instant.parse("2026-12-03T09:41:07Z");
        port(Credits.class).issue(List.of(note(order, 1, ProductKind.AZURE_RESERVATION_VM, credit("10.00", "1.90"), issued)));

        Throwable refused = catchThrowable(() -> port(Credits.class).issue(List.of(
                note(order, 2, ProductKind.AZURE_RESERVATION_VM, credit("20.00", "3.80"), issued),
                note(order, 1, ProductKind.AZURE_RESERVATION_VM, credit("10.00", "1.90"), issued))));

        assertThat(refused).isNotNull();
        assertThat(port(Credits.class).reservationRefundsSince(order.customerTenantId(), issued))
                .containsExactly(Money.of("11.90", "EUR"));
        // Line 2 was not credited by the refused batch: it can be credited now.
        port(Credits.class).issue(List.of(note(order, 2, ProductKind.AZURE_RESERVATION_VM, credit("20.00", "3.80"), issued)));
        assertThat(port(Credits.class).reservationRefundsSince(order.customerTenantId(), issued)).hasSize(2);
    }

    @Test
    void aLineTakesGoodwillCreditsBesideItsOneCancellationAndARefundOncePerRequest() {
        StoredOrder order = order(UUID.randomUUID().toString(), 1, ProductKind.WINDOWS_SERVER_SUBSCRIPTION);
        port(Orders.class).add(order);
        Instant issued = Instant.parse("2026-12-04T10:00:00Z");
        String request = "SR-" + UUID.randomUUID();
        port(Credits.class).issue(List.of(manual(order, CreditReason.GOODWILL, null, issued),
                manual(order, CreditReason.GOODWILL, null, issued)));
        port(Credits.class).issue(List.of(manual(order, CreditReason.REFUND, request, issued)));
        port(Credits.class).issue(List.of(note(order, 1, ProductKind.WINDOWS_SERVER_SUBSCRIPTION, credit("1.00", "0.19"), issued)));

        assertThat(catchThrowable(() -> port(Credits.class).issue(List.of(manual(order, CreditReason.REFUND, request, issued)))))
                .isNotNull();
        assertThat(catchThrowable(() -> port(Credits.class).issue(List.of(
                note(order, 1, ProductKind.WINDOWS_SERVER_SUBSCRIPTION, credit("1.00", "0.19"), issued))))).isNotNull();
        assertThat(port(Credits.class).issuedFor(CreditReason.REFUND, request)).isTrue();
        assertThat(port(Credits.class).issuedFor(CreditReason.REFUND, "SR-another")).isFalse();
        assertThat(port(Credits.class).issuedFor(CreditReason.GOODWILL, request)).isFalse();
        // Another request may credit the same line.
        port(Credits.class).issue(List.of(manual(order, CreditReason.REFUND, "SR-" + UUID.randomUUID(), issued)));
    }

    /** Issue #17: the order page shows its credit notes, oldest first, each as it was issued; another order's stay out. */
    @Test
    void anOrdersNotesComeBackAsIssuedOldestFirstAndOnlyThatOrders() {
        String tenant = UUID.randomUUID().toString();
        StoredOrder order = order(tenant, 1, ProductKind.WINDOWS_SERVER_SUBSCRIPTION);
        StoredOrder other = order(tenant, 1, ProductKind.WINDOWS_SERVER_SUBSCRIPTION);
        List.of(order, other).forEach(port(Orders.class)::add);
        Instant goodwill = Instant.parse("2026-12-04T10:00:00.123456Z");
        Instant cancelled = goodwill.plusSeconds(60);
        Credits.CreditNote cancellation = note(order, 1, ProductKind.WINDOWS_SERVER_SUBSCRIPTION, credit("100.00", "19.00"), cancelled);
        Credits.CreditNote kind = manual(order, CreditReason.GOODWILL, null, goodwill);
        port(Credits.class).issue(List.of(cancellation));
        port(Credits.class).issue(List.of(kind));
        port(Credits.class).issue(List.of(manual(other, CreditReason.GOODWILL, null, goodwill)));

        List<Credits.CreditNote> notes = port(Credits.class).ofOrder(tenant, order.id());

        assertThat(notes).extracting(Credits.CreditNote::id).containsExactly(kind.id(), cancellation.id());
        assertThat(notes.get(0).reason()).isEqualTo(CreditReason.GOODWILL);
        assertThat(notes.get(0).explanation()).contains("a late delivery");
        assertThat(notes.get(0).issuedAt()).isEqualTo(goodwill);
        assertThat(notes.get(1).reason()).isEqualTo(CreditReason.CANCELLATION);
        assertThat(notes.get(1).credit()).isEqualTo(credit("100.00", "19.00"));
        assertThat(notes.get(1).lineItemNumber()).isEqualTo(1);
        assertThat(notes.get(1).kind()).isEqualTo(ProductKind.WINDOWS_SERVER_SUBSCRIPTION);
        assertThat(port(Credits.class).ofOrder(UUID.randomUUID().toString(), order.id())).isEmpty();
    }

    private static Credits.CreditNote manual(StoredOrder order, CreditReason reason, String source, Instant issuedAt) {
        return new Credits.CreditNote(UUID.randomUUID().toString(), order.customerTenantId(), order.id(), 1,
                ProductKind.WINDOWS_SERVER_SUBSCRIPTION, credit("2.00", "0.38"), issuedAt, "account.admin@partner.demo",
                reason, Optional.of("a late delivery"), Optional.ofNullable(source));
    }
}
