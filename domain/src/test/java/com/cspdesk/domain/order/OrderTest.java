package com.cspdesk.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cspdesk.domain.cancellation.CancellationDecision;
import com.cspdesk.domain.cancellation.CancellationPolicy;
import com.cspdesk.domain.cancellation.CancellationRefusal;
import com.cspdesk.domain.cancellation.ReservationRefunds;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.PriceQuotePolicy;
import com.cspdesk.domain.software.DownloadLink;
import com.cspdesk.domain.software.ProductKey;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OrderTest {

    private static final Instant CREATED = Instant.parse("2026-03-10T10:00:00Z");
    private static final OfferId OFFER = new OfferId("DG7GMGF0FKZV:0003:DG7GMGF0DWMS");
    private static final PriceQuotePolicy PRICES = PriceQuotePolicy.defaults();
    private static final CancellationPolicy CANCELLATION = CancellationPolicy.asInSpec();
    private static final ProductKey KEY = ProductKey.parse("BCDFG-HJKMP-QRTVW-XY234-6789B");

    private static ActiveLine line(int number, ProductKind kind, TermDuration term, String unitPrice, int quantity) {
        Money price = Money.of(unitPrice, "EUR");
        return ActiveLine.bought(number, OFFER, kind, term, quantity, price, PRICES.quote(price, quantity, Market.of("DE")));
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
        assertThat(change.applied()).isTrue();
        return ((OrderChange.Applied) change).order();
    }

    private static Order completed() {
        return applied(placed().complete());
    }

    private static Map<Integer, CancellationDecision> decisions(Order order, Instant now, Integer... lineNumbers) {
        Map<Integer, CancellationDecision> decisions = new HashMap<>();
        for (int number : lineNumbers) {
            decisions.put(number, CANCELLATION.decide(order.purchaseOf(number).orElseThrow(), now));
        }
        return decisions;
    }

    private static OrderChange.Refused refused(OrderChange change) {
        assertThat(change).isInstanceOf(OrderChange.Refused.class);
        assertThat(change.applied()).isFalse();
        return (OrderChange.Refused) change;
    }

    @Nested
    class Lifecycle {

        @Test
        void a_new_order_is_pending_with_active_lines() {
            Order order = placed();

            assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(order.provisioned()).isFalse();
            assertThat(order.lines()).extracting(OrderLine::status).containsOnly(LineStatus.ACTIVE);
            assertThat(order.activeLineNumbers()).containsExactly(0, 1);
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
            Order order = placed();

            OrderChange.Refused refusal = refused(order.cancel(decisions(order, CREATED, 0), CREATED));

            assertThat(refusal.reason()).isEqualTo(OrderRefusal.ORDER_PENDING);
            assertThat(refusal.lineItemNumber()).isEmpty();
        }

        @Test
        void totals_are_the_sum_of_the_lines() {
            Order order = placed();

            // 1000.00 + 19 % and 3 x 100.00 + 19 %
            assertThat(order.totals()).isEqualTo(PriceQuote.fromNetAndTax(Money.of("1300.00", "EUR"), Money.of("247.00", "EUR")));
            assertThat(order.totalCredited().isZero()).isTrue();
        }
    }

    @Nested
    class Cancelling {

        @Test
        void a_cancelled_line_keeps_its_record_loses_key_and_links_and_shows_quantity_0() {
            Order order = applied(applied(completed().assignProductKey(1, KEY)).addDownloadLink(1, DownloadLink.issuedAt(CREATED)));
            Instant now = CREATED.plus(Duration.ofDays(45));

            Order after = applied(order.cancel(decisions(order, now, 1), now));

            OrderLine line = after.line(1).orElseThrow();
            assertThat(line).isInstanceOf(CancelledLine.class);
            assertThat(line.status()).isEqualTo(LineStatus.CANCELLED);
            assertThat(line.quantity()).isZero();
            assertThat(((CancelledLine) line).boughtQuantity()).isEqualTo(3);
            assertThat(line.productKey()).isEmpty();
            assertThat(line.downloadLinks()).isEmpty();
            assertThat(line.charged()).isEqualTo(order.line(1).orElseThrow().charged());
            assertThat(line.offerId()).isEqualTo(OFFER);
            assertThat(((CancelledLine) line).cancelledAt()).isEqualTo(now);
            // 357.00 x 320/365 = 312.986... -> 312.99; 57.00 x 320/365 = 49.972... -> 49.97
            assertThat(line.credited()).isEqualTo(new PriceQuote(Money.of("263.02", "EUR"), Money.of("49.97", "EUR"), Money.of("312.99", "EUR")));
            assertThat(after.totalCredited()).isEqualTo(line.credited());
        }

        @Test
        void the_order_stays_completed_until_its_last_line_is_cancelled() {
            Order order = completed();

            Order oneCancelled = applied(order.cancel(decisions(order, CREATED, 0), CREATED));
            assertThat(oneCancelled.status()).isEqualTo(OrderStatus.COMPLETED);
            assertThat(oneCancelled.activeLineNumbers()).containsExactly(1);

            Order allCancelled = applied(oneCancelled.cancel(decisions(oneCancelled, CREATED, 1), CREATED));
            assertThat(allCancelled.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(allCancelled.activeLineNumbers()).isEmpty();
            assertThat(refused(allCancelled.complete()).reason()).isEqualTo(OrderRefusal.ALREADY_CANCELLED);
        }

        @Test
        void the_whole_order_is_its_active_lines() {
            Order order = completed();

            Order after = applied(order.cancel(decisions(order, CREATED, order.activeLineNumbers().toArray(Integer[]::new)), CREATED));

            assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(after.totalCredited()).isEqualTo(order.totals());
        }

        @Test
        void cancelling_a_cancelled_line_is_already_cancelled() {
            Order order = completed();
            Map<Integer, CancellationDecision> first = decisions(order, CREATED, 0);
            Order after = applied(order.cancel(first, CREATED));

            // Replaying the same decision: the order refuses.
            OrderChange.Refused replay = refused(after.cancel(first, CREATED));
            assertThat(replay.reason()).isEqualTo(OrderRefusal.ALREADY_CANCELLED);
            assertThat(replay.reason().code()).isEqualTo("already_cancelled");
            assertThat(replay.lineItemNumber()).contains(0);
            // Asking the policy again: it says already cancelled, and so does the order.
            CancellationDecision again = CANCELLATION.decide(after.purchaseOf(0).orElseThrow(), CREATED);
            assertThat(again.refusal()).contains(CancellationRefusal.ALREADY_CANCELLED);
        }

        @Test
        void one_refused_line_refuses_the_whole_request_and_changes_nothing() {
            Order order = Order.place(new OrderId("order-2"), "tenant-1", CREATED, List.of(perpetualLine(0),
                    line(1, ProductKind.SUSE_LINUX_SOFTWARE_PLAN, TermDuration.P1Y, "50.00", 1)));
            Order done = applied(order.complete());

            OrderChange.Refused refusal = refused(done.cancel(decisions(done, CREATED, 0, 1), CREATED));

            assertThat(refusal.reason()).isEqualTo(OrderRefusal.NOT_CANCELLABLE);
            assertThat(refusal.lineItemNumber()).contains(1);
            assertThat(done.activeLineNumbers()).containsExactly(0, 1);
        }

        @Test
        void a_passed_window_is_refused() {
            Order order = completed();
            Instant late = CREATED.plus(Duration.ofDays(61));

            assertThat(refused(order.cancel(decisions(order, late, 0), late)).reason()).isEqualTo(OrderRefusal.CANCELLATION_WINDOW_PASSED);
        }

        @Test
        void a_stale_decision_is_refused_once_its_window_has_closed() {
            Order order = completed();
            Map<Integer, CancellationDecision> early = decisions(order, CREATED, 0);

            assertThat(refused(order.cancel(early, CREATED.plus(Duration.ofDays(60)).plusSeconds(1))).reason())
                    .isEqualTo(OrderRefusal.CANCELLATION_WINDOW_PASSED);
        }

        @Test
        void a_reservation_above_the_refund_limit_needs_a_support_request() {
            Money price = Money.of("60000.00", "USD");
            ActiveLine reservation = ActiveLine.bought(0, OFFER, ProductKind.AZURE_RESERVATION_VM, TermDuration.P1Y, 1, price,
                    PRICES.quote(price, 1, Market.of("US")));
            Order order = applied(Order.place(new OrderId("order-3"), "tenant-1", CREATED, List.of(reservation)).complete());
            CancellationDecision decision = CANCELLATION.decide(order.purchaseOf(0).orElseThrow(), CREATED,
                    new ReservationRefunds(Money.of("0.00", "USD"), Money.of("60000.00", "USD")));

            assertThat(refused(order.cancel(Map.of(0, decision), CREATED)).reason()).isEqualTo(OrderRefusal.SUPPORT_REQUEST_REQUIRED);
        }

        @Test
        void a_credit_above_the_line_is_refused() {
            Order order = completed();
            CancellationDecision foreign = new CancellationDecision.Cancellable(CREATED.plus(Duration.ofDays(60)), 60,
                    PriceQuote.fromNetAndTax(Money.of("5000.00", "EUR"), Money.of("0.00", "EUR")));

            assertThat(refused(order.cancel(Map.of(0, foreign), CREATED)).reason()).isEqualTo(OrderRefusal.CREDIT_EXCEEDS_CHARGE);
        }

        @Test
        void unknown_lines_and_empty_requests_are_refused() {
            Order order = completed();
            CancellationDecision anyDecision = decisions(order, CREATED, 0).get(0);

            OrderChange.Refused unknown = refused(order.cancel(Map.of(7, anyDecision), CREATED));
            assertThat(unknown.reason()).isEqualTo(OrderRefusal.UNKNOWN_LINE_ITEM);
            assertThat(unknown.lineItemNumber()).contains(7);
            assertThat(refused(order.cancel(Map.of(), CREATED)).reason()).isEqualTo(OrderRefusal.NO_LINE_ITEMS);
        }

        @Test
        void purchases_report_the_line_as_the_policy_needs_it() {
            Order order = completed();

            assertThat(order.purchaseOf(1).orElseThrow().kind()).isEqualTo(ProductKind.WINDOWS_SERVER_SUBSCRIPTION);
            assertThat(order.purchaseOf(1).orElseThrow().purchasedAt()).isEqualTo(CREATED);
            assertThat(order.purchaseOf(1).orElseThrow().alreadyCancelled()).isFalse();
            assertThat(order.purchaseOf(9)).isEmpty();
        }
    }

    @Nested
    class Keys_and_links {

        @Test
        void an_active_line_gets_a_key_and_links() {
            Order order = applied(applied(completed().assignProductKey(0, KEY)).addDownloadLink(0, DownloadLink.issuedAt(CREATED)));
            order = applied(order.addDownloadLink(0, DownloadLink.issuedAt(CREATED.plusSeconds(60))));

            assertThat(order.line(0).orElseThrow().productKey()).contains(KEY);
            assertThat(order.line(0).orElseThrow().downloadLinks()).hasSize(2);
            assertThat(order.line(1).orElseThrow().productKey()).isEmpty();
        }

        @Test
        void a_cancelled_line_gets_neither() {
            Order order = completed();
            Order after = applied(order.cancel(decisions(order, CREATED, 0), CREATED));

            assertThat(refused(after.assignProductKey(0, KEY)).reason()).isEqualTo(OrderRefusal.ALREADY_CANCELLED);
            assertThat(refused(after.addDownloadLink(0, DownloadLink.issuedAt(CREATED))).reason()).isEqualTo(OrderRefusal.ALREADY_CANCELLED);
        }

        @Test
        void unknown_lines_get_neither() {
            assertThat(refused(completed().assignProductKey(5, KEY)).reason()).isEqualTo(OrderRefusal.UNKNOWN_LINE_ITEM);
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
            ActiveLine dollars = ActiveLine.bought(1, OFFER, ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, 1, usd,
                    PRICES.quote(usd, 1, Market.of("US")));
            assertThatThrownBy(() -> Order.place(new OrderId("o"), "t", CREATED, List.of(perpetualLine(0), dollars)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void a_pending_order_cannot_be_restored_with_cancelled_lines() {
            CancelledLine cancelled = new CancelledLine(0, OFFER, ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, 1,
                    Money.of("1.00", "EUR"), PriceQuote.fromNetAndTax(Money.of("1.00", "EUR"), Money.of("0.19", "EUR")),
                    PriceQuote.zero(java.util.Currency.getInstance("EUR")), CREATED);

            assertThatThrownBy(() -> Order.restore(new OrderId("o"), "t", CREATED, false, List.of(cancelled)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(Order.restore(new OrderId("o"), "t", CREATED, true, List.of(cancelled)).status()).isEqualTo(OrderStatus.CANCELLED);
        }

        @Test
        void lines_are_checked() {
            assertThatThrownBy(() -> line(0, ProductKind.PERPETUAL_SOFTWARE, TermDuration.P1Y, "1.00", 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> line(-1, ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, "1.00", 1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ActiveLine(0, OFFER, ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, 0, Money.of("1.00", "EUR"),
                    PriceQuote.zero(java.util.Currency.getInstance("EUR")), Optional.empty(), List.of())).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new CancelledLine(0, OFFER, ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, 1, Money.of("1.00", "EUR"),
                    PriceQuote.zero(java.util.Currency.getInstance("EUR")),
                    PriceQuote.fromNetAndTax(Money.of("1.00", "EUR"), Money.of("0.00", "EUR")), CREATED))
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
