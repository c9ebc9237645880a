package com.cspdesk.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cspdesk.domain.cancellation.CancellationDecision;
import com.cspdesk.domain.cancellation.CancellationPolicy;
import com.cspdesk.domain.cancellation.CancellationRefusal;
import com.cspdesk.domain.cancellation.Purchase;
import com.cspdesk.domain.cancellation.ReservationRefunds;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.PriceQuotePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final Instant CREATED = Instant.parse("2026-03-10T10:00:00Z");
    private static final OfferId OFFER = new OfferId("DG7GMGF0FKZV:0003:DG7GMGF0DWMS");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final PriceQuotePolicy PRICES = PriceQuotePolicy.defaults();
    private static final CancellationPolicy CANCELLATION = CancellationPolicy.asInSpec();

    private static ActiveLine line(int number, ProductKind kind, TermDuration term, String unitPrice, int quantity) {
        Money price = Money.of(unitPrice, "EUR");
        return new ActiveLine(number, OFFER, kind, term, quantity, price, PRICES.quote(price, quantity, Market.of("DE")));
    }

    private static ActiveLine perpetualLine(int number) {
        return line(number, ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, "1000.00", 1);
    }

    private static ActiveLine subscriptionLine(int number) {
        return line(number, ProductKind.WINDOWS_SERVER_SUBSCRIPTION, TermDuration.P1Y, "100.00", 3);
    }

    private static Order placed() {
        return Order.place(new OrderId("order-1"), "tenant-1", CREATED, List.of(perpetualLine(0), subscriptionLine(1)));
    }

    private static Order applied(OrderChange change) {
        assertThat(change).isInstanceOf(OrderChange.Applied.class);
        return ((OrderChange.Applied) change).order();
    }

    private static Order completed() {
        return applied(placed().complete());
    }

    /** What the cancellation policy decides for these (still active) lines of an order created at {@link #CREATED}. */
    private static Map<Integer, CancellationDecision> decisions(Instant now, ActiveLine... lines) {
        Map<Integer, CancellationDecision> decisions = new HashMap<>();
        for (ActiveLine line : lines) {
            decisions.put(line.lineItemNumber(), CANCELLATION.decide(purchase(line), now));
        }
        return decisions;
    }

    private static Purchase purchase(ActiveLine line) {
        return new Purchase(line.kind(), line.term(), CREATED, line.charged(), PriceQuote.zero(EUR), false);
    }

    private static OrderChange.Refused refused(OrderChange change) {
        assertThat(change).isInstanceOf(OrderChange.Refused.class);
        return (OrderChange.Refused) change;
    }

    @Nested
    class Lifecycle {

        @Test
        void a_new_order_is_pending() {
            Order order = placed();

            assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(order.currency().getCurrencyCode()).isEqualTo("EUR");
            assertThat(order.id()).isEqualTo(new OrderId("order-1"));
            assertThat(order.referenceCustomerId()).isEqualTo("tenant-1");
            assertThat(order.createdAt()).isEqualTo(CREATED);
            assertThat(order).hasToString("Order[order-1, pending, 2 lines]");
        }

        @Test
        void pending_becomes_completed_once() {
            Order order = completed();

            assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
            assertThat(refused(order.complete()).reason()).isEqualTo(OrderRefusal.ALREADY_COMPLETED);
        }

        @Test
        void a_pending_order_cannot_be_cancelled_yet() {
            OrderChange.Refused refusal = refused(placed().cancel(decisions(CREATED, perpetualLine(0)), CREATED));

            assertThat(refusal.reason()).isEqualTo(OrderRefusal.ORDER_PENDING);
            assertThat(refusal.lineItemNumber()).isEmpty();
        }

        @Test
        void totals_are_the_sum_of_the_lines_and_keep_cancelled_lines() {
            Order order = completed();
            // 1000.00 + 19 % and 3 x 100.00 + 19 %
            PriceQuote charged = PriceQuote.fromNetAndTax(Money.of("1300.00", "EUR"), Money.of("247.00", "EUR"));

            assertThat(order.totals()).isEqualTo(charged);
            assertThat(applied(order.cancel(decisions(CREATED, perpetualLine(0)), CREATED)).totals()).isEqualTo(charged);
        }
    }

    @Nested
    class Cancelling {

        @Test
        void the_order_stays_completed_until_its_last_line_is_cancelled() {
            Order order = completed();

            Order oneCancelled = applied(order.cancel(decisions(CREATED, perpetualLine(0)), CREATED));
            assertThat(oneCancelled.status()).isEqualTo(OrderStatus.COMPLETED);

            Order allCancelled = applied(oneCancelled.cancel(decisions(CREATED, subscriptionLine(1)), CREATED));
            assertThat(allCancelled.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(refused(allCancelled.complete()).reason()).isEqualTo(OrderRefusal.ALREADY_CANCELLED);
        }

        @Test
        void every_line_at_once_cancels_the_order() {
            Order after = applied(completed().cancel(decisions(CREATED, perpetualLine(0), subscriptionLine(1)), CREATED));

            assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
        }

        @Test
        void cancelling_a_cancelled_line_is_already_cancelled() {
            Map<Integer, CancellationDecision> first = decisions(CREATED, perpetualLine(0));
            Order after = applied(completed().cancel(first, CREATED));

            // Replaying the same decision: the order refuses.
            OrderChange.Refused replay = refused(after.cancel(first, CREATED));
            assertThat(replay.reason()).isEqualTo(OrderRefusal.ALREADY_CANCELLED);
            assertThat(replay.reason().code()).isEqualTo("already_cancelled");
            assertThat(replay.lineItemNumber()).contains(0);
        }

        @Test
        void one_refused_line_refuses_the_whole_request_and_changes_nothing() {
            ActiveLine suse = line(1, ProductKind.SUSE_LINUX_SOFTWARE_PLAN, TermDuration.P1Y, "50.00", 1);
            Order done = applied(Order.place(new OrderId("order-2"), "tenant-1", CREATED, List.of(perpetualLine(0), suse)).complete());

            OrderChange.Refused refusal = refused(done.cancel(decisions(CREATED, perpetualLine(0), suse), CREATED));

            assertThat(refusal.reason()).isEqualTo(OrderRefusal.NOT_CANCELLABLE);
            assertThat(refusal.lineItemNumber()).contains(1);
            // Line 0 was not cancelled by the refused request: it still can be.
            assertThat(applied(done.cancel(decisions(CREATED, perpetualLine(0)), CREATED)).status()).isEqualTo(OrderStatus.COMPLETED);
        }

        @Test
        void a_passed_window_is_refused() {
            Instant late = CREATED.plus(Duration.ofDays(61));

            assertThat(refused(completed().cancel(decisions(late, perpetualLine(0)), late)).reason())
                    .isEqualTo(OrderRefusal.CANCELLATION_WINDOW_PASSED);
        }

        @Test
        void a_stale_decision_is_refused_once_its_window_has_closed() {
            Order order = completed();
            Map<Integer, CancellationDecision> early = decisions(CREATED, perpetualLine(0));
            Instant windowEnd = CREATED.plus(Duration.ofDays(60));

            assertThat(order.cancel(early, windowEnd)).isInstanceOf(OrderChange.Applied.class);
            assertThat(refused(order.cancel(early, windowEnd.plusSeconds(1))).reason())
                    .isEqualTo(OrderRefusal.CANCELLATION_WINDOW_PASSED);
        }

        @Test
        void a_reservation_above_the_refund_limit_needs_a_support_request() {
            Money price = Money.of("60000.00", "USD");
            ActiveLine reservation = new ActiveLine(0, OFFER, ProductKind.AZURE_RESERVATION_VM, TermDuration.P1Y, 1, price,
                    PRICES.quote(price, 1, Market.of("US")));
            Order order = applied(Order.place(new OrderId("order-3"), "tenant-1", CREATED, List.of(reservation)).complete());
            CancellationDecision decision = CANCELLATION.decide(new Purchase(reservation.kind(), reservation.term(), CREATED,
                    reservation.charged(), PriceQuote.zero(Currency.getInstance("USD")), false), CREATED,
                    new ReservationRefunds(Money.of("0.00", "USD"), Money.of("60000.00", "USD")));

            OrderChange.Refused refusal = refused(order.cancel(Map.of(0, decision), CREATED));
            assertThat(refusal.reason()).isEqualTo(OrderRefusal.SUPPORT_REQUEST_REQUIRED);
            assertThat(refusal.lineItemNumber()).contains(0);
        }

        @Test
        void a_credit_up_to_the_charge_is_accepted_and_a_cent_more_is_refused() {
            Order order = completed();
            PriceQuote charged = perpetualLine(0).charged();
            Instant windowEnd = CREATED.plus(Duration.ofDays(60));

            assertThat(order.cancel(Map.of(0, new CancellationDecision.Cancellable(windowEnd, 60, charged)), CREATED))
                    .isInstanceOf(OrderChange.Applied.class);
            PriceQuote aCentMore = charged.plus(PriceQuote.fromNetAndTax(Money.of("0.01", "EUR"), Money.of("0.00", "EUR")));
            assertThat(refused(order.cancel(Map.of(0, new CancellationDecision.Cancellable(windowEnd, 60, aCentMore)), CREATED))
                    .reason()).isEqualTo(OrderRefusal.CREDIT_EXCEEDS_CHARGE);
        }

        @Test
        void unknown_lines_and_empty_requests_are_refused() {
            Order order = completed();
            CancellationDecision anyDecision = decisions(CREATED, perpetualLine(0)).get(0);

            OrderChange.Refused unknown = refused(order.cancel(Map.of(7, anyDecision), CREATED));
            assertThat(unknown.reason()).isEqualTo(OrderRefusal.UNKNOWN_LINE_ITEM);
            assertThat(unknown.lineItemNumber()).contains(7);
            assertThat(refused(order.cancel(Map.of(), CREATED)).reason()).isEqualTo(OrderRefusal.NO_LINE_ITEMS);
        }
    }

    @Nested
    class Validation {

        @Test
        void an_order_has_lines_with_distinct_numbers_in_one_currency() {
            assertThatThrownBy(() -> Order.place(new OrderId("o"), "t", CREATED, List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Order.place(new OrderId("o"), "t", CREATED, List.of(perpetualLine(0), perpetualLine(0))))
                    .isInstanceOf(IllegalArgumentException.class);
            Money usd = Money.of("1.00", "USD");
            ActiveLine dollars = new ActiveLine(1, OFFER, ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, 1, usd,
                    PRICES.quote(usd, 1, Market.of("US")));
            assertThatThrownBy(() -> Order.place(new OrderId("o"), "t", CREATED, List.of(perpetualLine(0), dollars)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void a_pending_order_cannot_be_restored_with_cancelled_lines() {
            CancelledLine cancelled = new CancelledLine(0, OFFER, ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, 1,
                    Money.of("1.00", "EUR"), PriceQuote.fromNetAndTax(Money.of("1.00", "EUR"), Money.of("0.19", "EUR")),
                    PriceQuote.zero(EUR), CREATED);

            assertThatThrownBy(() -> Order.restore(new OrderId("o"), "t", CREATED, false, List.of(cancelled)))
                    .isInstanceOf(IllegalArgumentException.class);
            Order restored = Order.restore(new OrderId("o"), "t", CREATED, true, List.of(cancelled));
            assertThat(restored.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(refused(restored.cancel(Map.of(0, decisions(CREATED, perpetualLine(0)).get(0)), CREATED)).reason())
                    .isEqualTo(OrderRefusal.ALREADY_CANCELLED);
        }

        @Test
        void lines_are_checked() {
            assertThatThrownBy(() -> line(0, ProductKind.PERPETUAL_SOFTWARE, TermDuration.P1Y, "1.00", 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> line(-1, ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, "1.00", 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> line(0, ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, "1.00", 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new CancelledLine(0, OFFER, ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, 1, Money.of("1.00", "EUR"),
                    PriceQuote.zero(EUR), PriceQuote.fromNetAndTax(Money.of("1.00", "EUR"), Money.of("0.00", "EUR")), CREATED))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void ids_are_checked() {
            assertThat(OFFER.productId()).isEqualTo("DG7GMGF0FKZV");
            assertThat(OFFER.skuId()).isEqualTo("0003");
            assertThat(OFFER).hasToString("DG7GMGF0FKZV:0003:DG7GMGF0DWMS");
            assertThatThrownBy(() -> new OfferId("DG7GMGF0FKZV:0003")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new OfferId("DG7GMGF0FKZV::DG7GMGF0DWMS")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new OfferId("a:b:c:d")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new OrderId(" ")).isInstanceOf(IllegalArgumentException.class);
            assertThat(new OrderId("o-1")).hasToString("o-1");
        }
    }

    @Test
    void codes_are_stable() {
        assertThat(OrderStatus.PENDING.code()).isEqualTo("pending");
        assertThat(OrderStatus.COMPLETED.code()).isEqualTo("completed");
        assertThat(OrderStatus.CANCELLED.code()).isEqualTo("cancelled");
        assertThat(LineStatus.ACTIVE.code()).isEqualTo("active");
        assertThat(LineStatus.CANCELLED.code()).isEqualTo("cancelled");
        for (CancellationRefusal refusal : CancellationRefusal.values()) {
            assertThat(OrderRefusal.from(refusal).code()).isEqualTo(refusal.code());
        }
    }
}
