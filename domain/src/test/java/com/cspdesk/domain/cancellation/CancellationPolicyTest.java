package com.cspdesk.domain.cancellation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CancellationPolicyTest {

    private static final CancellationPolicy POLICY = CancellationPolicy.asInSpec();
    private static final Instant PURCHASED = Instant.parse("2026-03-10T10:00:00Z");
    private static final PriceQuote CHARGED = eur("1000.00", "190.00");

    static PriceQuote eur(String net, String tax) {
        return PriceQuote.fromNetAndTax(Money.of(net, "EUR"), Money.of(tax, "EUR"));
    }

    static Purchase perpetual(Instant purchasedAt) {
        return Purchase.of(ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, purchasedAt, CHARGED);
    }

    static Purchase subscription(Instant purchasedAt, TermDuration term, PriceQuote charged) {
        return Purchase.of(ProductKind.WINDOWS_SERVER_SUBSCRIPTION, term, purchasedAt, charged);
    }

    @Nested
    class The_60_day_window {

        @Test
        void day_0_is_cancellable_with_60_days_remaining_and_full_credit() {
            CancellationDecision decision = POLICY.decide(perpetual(PURCHASED), PURCHASED);

            assertThat(decision).isEqualTo(new CancellationDecision.Cancellable(
                    Instant.parse("2026-05-09T10:00:00Z"), 60, CHARGED));
            assertThat(decision.cancellable()).isTrue();
            assertThat(decision.refusal()).isEmpty();
            assertThat(decision.supportRequestRequired()).isFalse();
            assertThat(decision.windowEnd()).contains(Instant.parse("2026-05-09T10:00:00Z"));
        }

        @Test
        void day_59_is_cancellable_with_1_day_remaining() {
            CancellationDecision decision = POLICY.decide(perpetual(PURCHASED), PURCHASED.plus(Duration.ofDays(59)));

            assertThat(decision.cancellable()).isTrue();
            assertThat(decision.daysRemaining()).isEqualTo(1);
        }

        @Test
        void the_last_instant_of_day_60_is_cancellable_and_reads_0_days_remaining() {
            CancellationDecision decision = POLICY.decide(perpetual(PURCHASED), PURCHASED.plus(Duration.ofDays(60)));

            assertThat(decision.cancellable()).isTrue();
            assertThat(decision.daysRemaining()).isZero();
        }

        @Test
        void the_last_day_reads_0_days_remaining_from_its_first_instant() {
            Instant lastDayMidnight = Instant.parse("2026-05-09T00:00:00Z");

            assertThat(POLICY.decide(perpetual(PURCHASED), lastDayMidnight).daysRemaining()).isZero();
            assertThat(POLICY.decide(perpetual(PURCHASED), lastDayMidnight.minusNanos(1)).daysRemaining()).isEqualTo(1);
        }

        @Test
        void one_nanosecond_after_the_window_is_refused() {
            CancellationDecision decision = POLICY.decide(perpetual(PURCHASED), PURCHASED.plus(Duration.ofDays(60)).plusNanos(1));

            assertThat(decision).isEqualTo(new CancellationDecision.NotCancellable(
                    CancellationRefusal.WINDOW_PASSED, Optional.of(Instant.parse("2026-05-09T10:00:00Z")), 0));
        }

        @Test
        void day_60_plus_one_second_is_refused() {
            CancellationDecision decision = POLICY.decide(perpetual(PURCHASED), PURCHASED.plus(Duration.ofDays(60)).plusSeconds(1));

            assertThat(decision.cancellable()).isFalse();
            assertThat(decision.refusal()).contains(CancellationRefusal.WINDOW_PASSED);
            assertThat(decision.refusal().orElseThrow().code()).isEqualTo("cancellation_window_passed");
            assertThat(decision.daysRemaining()).isZero();
            assertThat(decision.supportRequestRequired()).isFalse();
        }

        @Test
        void day_61_is_refused() {
            assertThat(POLICY.decide(perpetual(PURCHASED), PURCHASED.plus(Duration.ofDays(61))).refusal())
                    .contains(CancellationRefusal.WINDOW_PASSED);
        }

        @Test
        void a_clock_behind_the_purchase_counts_as_day_0() {
            CancellationDecision decision = POLICY.decide(perpetual(PURCHASED), PURCHASED.minusSeconds(5));

            assertThat(decision.cancellable()).isTrue();
            assertThat(decision.daysRemaining()).isEqualTo(60);
        }
    }

    @Nested
    class Leap_days_and_time_zones {

        @Test
        void a_purchase_on_29_february_has_its_window_end_60_days_later() {
            Instant purchased = Instant.parse("2028-02-29T12:00:00Z");

            assertThat(POLICY.windowEndOf(perpetual(purchased))).contains(Instant.parse("2028-04-29T12:00:00Z"));
            assertThat(POLICY.decide(perpetual(purchased), Instant.parse("2028-04-29T12:00:00Z")).cancellable()).isTrue();
            assertThat(POLICY.decide(perpetual(purchased), Instant.parse("2028-04-29T12:00:01Z")).cancellable()).isFalse();
        }

        @Test
        void a_window_across_29_february_counts_it_as_a_day() {
            assertThat(POLICY.windowEndOf(perpetual(Instant.parse("2028-01-15T00:00:00Z"))))
                    .contains(Instant.parse("2028-03-15T00:00:00Z"));
            assertThat(POLICY.windowEndOf(perpetual(Instant.parse("2027-01-15T00:00:00Z"))))
                    .contains(Instant.parse("2027-03-16T00:00:00Z"));
        }

        @Test
        void a_purchase_at_23_30_utc_is_measured_in_utc_instants() {
            Instant purchased = Instant.parse("2026-03-10T23:30:00Z");
            Instant windowEnd = Instant.parse("2026-05-09T23:30:00Z");

            assertThat(POLICY.decide(perpetual(purchased), windowEnd).cancellable()).isTrue();
            // 23:59 UTC is already 10 May in Budapest, but the window is in UTC instants: 29 minutes past.
            assertThat(POLICY.decide(perpetual(purchased), Instant.parse("2026-05-09T23:59:00Z")).refusal())
                    .contains(CancellationRefusal.WINDOW_PASSED);
        }

        @Test
        void days_remaining_count_utc_calendar_days() {
            Instant purchased = Instant.parse("2026-03-10T23:30:00Z");

            assertThat(POLICY.decide(perpetual(purchased), purchased.plusSeconds(60)).daysRemaining()).isEqualTo(60);
            // Forty minutes later it is the next UTC day: one day fewer to read.
            assertThat(POLICY.decide(perpetual(purchased), Instant.parse("2026-03-11T00:10:00Z")).daysRemaining()).isEqualTo(59);
            assertThat(CancellationPolicy.daysRemaining(Instant.parse("2026-05-10T00:00:00Z"), Instant.parse("2026-05-09T23:30:00Z")))
                    .isZero();
        }
    }

    @Nested
    class Kinds_that_cannot_be_cancelled {

        @ParameterizedTest
        @EnumSource(value = ProductKind.class, names = {"SUSE_LINUX_SOFTWARE_PLAN", "RED_HAT_SOFTWARE_PLAN"})
        void suse_and_red_hat_plans_are_never_cancellable(ProductKind plan) {
            Purchase purchase = Purchase.of(plan, TermDuration.P1Y, PURCHASED, CHARGED);

            CancellationDecision decision = POLICY.decide(purchase, PURCHASED);

            assertThat(decision).isEqualTo(new CancellationDecision.NotCancellable(CancellationRefusal.NOT_CANCELLABLE, Optional.empty(), 0));
            assertThat(decision.refusal().orElseThrow().code()).isEqualTo("not_cancellable");
            assertThat(decision.windowEnd()).isEmpty();
            assertThat(POLICY.windowEndOf(purchase)).isEmpty();
        }

        @Test
        void an_already_cancelled_purchase_is_refused() {
            Purchase cancelled = new Purchase(ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, PURCHASED, CHARGED, CHARGED, true);

            CancellationDecision decision = POLICY.decide(cancelled, PURCHASED.plusSeconds(1));

            assertThat(decision.refusal()).contains(CancellationRefusal.ALREADY_CANCELLED);
            assertThat(decision.refusal().orElseThrow().code()).isEqualTo("already_cancelled");
            assertThat(decision.windowEnd()).contains(PURCHASED.plus(Duration.ofDays(60)));
        }

        @Test
        void an_already_cancelled_plan_says_already_cancelled() {
            Purchase cancelled = new Purchase(ProductKind.RED_HAT_SOFTWARE_PLAN, TermDuration.P3Y, PURCHASED, CHARGED,
                    PriceQuote.zero(CHARGED.currency()), true);

            assertThat(POLICY.decide(cancelled, PURCHASED).refusal()).contains(CancellationRefusal.ALREADY_CANCELLED);
        }
    }

    @Nested
    class Credits {

        @Test
        void perpetual_software_gets_a_100_percent_credit_with_no_early_termination_fee() {
            CancellationDecision.Cancellable decision =
                    (CancellationDecision.Cancellable) POLICY.decide(perpetual(PURCHASED), PURCHASED.plus(Duration.ofDays(59)));

            assertThat(decision.credit()).isEqualTo(CHARGED);
        }

        @Test
        void a_one_year_subscription_cancelled_after_45_days_credits_320_of_365_days() {
            Instant purchased = Instant.parse("2026-01-10T09:00:00Z");
            Purchase purchase = subscription(purchased, TermDuration.P1Y, eur("1000.00", "190.00"));

            CancellationDecision.Cancellable decision = (CancellationDecision.Cancellable) POLICY.decide(
                    purchase, purchased.plus(Duration.ofDays(45)).plus(Duration.ofHours(3)));

            // 1190.00 x 320/365 = 1043.2876... ; 190.00 x 320/365 = 166.5753...
            assertThat(decision.credit()).isEqualTo(new PriceQuote(
                    Money.of("876.71", "EUR"), Money.of("166.58", "EUR"), Money.of("1043.29", "EUR")));
        }
    }

    @Nested
    class Azure_reservation_refund_limit {

        private final Purchase reservation = Purchase.of(ProductKind.AZURE_RESERVATION_VM, TermDuration.P1Y, PURCHASED,
                PriceQuote.fromNetAndTax(Money.of("60000.00", "USD"), Money.of("0.00", "USD")));

        private CancellationDecision decide(String refundedUsd, String thisCreditUsd) {
            return POLICY.decide(reservation, PURCHASED.plus(Duration.ofDays(1)),
                    new ReservationRefunds(Money.of(refundedUsd, "USD"), Money.of(thisCreditUsd, "USD")));
        }

        @Test
        void exactly_50000_is_self_service() {
            assertThat(decide("0.00", "50000.00").cancellable()).isTrue();
            assertThat(decide("49999.99", "0.01").cancellable()).isTrue();
        }

        @Test
        void one_cent_above_50000_needs_a_support_request_and_says_how_much_to_ask_for() {
            CancellationDecision decision = decide("0.00", "50000.01");

            assertThat(decision.cancellable()).isFalse();
            assertThat(decision.supportRequestRequired()).isTrue();
            assertThat(decision.refusal()).contains(CancellationRefusal.SUPPORT_REQUEST_REQUIRED);
            assertThat(decision.refusal().orElseThrow().code()).isEqualTo("support_request_required");
            assertThat(decision.daysRemaining()).isEqualTo(59);
            assertThat(decision.windowEnd()).contains(PURCHASED.plus(Duration.ofDays(60)));
            assertThat(((CancellationDecision.SupportRequestRequired) decision).credit())
                    .isEqualTo(new CancellationCredit().creditFor(reservation, PURCHASED.plus(Duration.ofDays(1))));
            assertThat(decide("49999.99", "0.02").supportRequestRequired()).isTrue();
        }

        @Test
        void the_limit_is_configurable() {
            CancellationPolicy strict = new CancellationPolicy(CancellationWindows.asInSpec(), new CancellationCredit(),
                    new ReservationRefundLimit(Money.of("100.00", "USD")));

            CancellationDecision decision = strict.decide(reservation, PURCHASED,
                    new ReservationRefunds(Money.of("0.00", "USD"), Money.of("100.01", "USD")));

            assertThat(decision.supportRequestRequired()).isTrue();
        }

        @Test
        void other_kinds_ignore_the_limit() {
            CancellationDecision decision = POLICY.decide(perpetual(PURCHASED), PURCHASED,
                    new ReservationRefunds(Money.of("1000000.00", "USD"), Money.of("1000000.00", "USD")));

            assertThat(decision.cancellable()).isTrue();
        }

        @Test
        void a_reservation_cannot_be_decided_without_its_refunds() {
            assertThatThrownBy(() -> POLICY.decide(reservation, PURCHASED)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> POLICY.decide(reservation, PURCHASED, null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void a_reservation_past_its_window_is_refused_whatever_the_refunds() {
            CancellationDecision decision = POLICY.decide(reservation, PURCHASED.plus(Duration.ofDays(61)),
                    new ReservationRefunds(Money.of("0.00", "USD"), Money.of("1.00", "USD")));

            assertThat(decision.refusal()).contains(CancellationRefusal.WINDOW_PASSED);
        }
    }

    @Nested
    class Configured_windows {

        @Test
        void newer_microsoft_rules_give_30_days_to_perpetual_and_7_to_subscriptions() {
            CancellationPolicy newer = new CancellationPolicy(CancellationWindows.newerMicrosoftRules(), new CancellationCredit(),
                    ReservationRefundLimit.asMicrosoftDoes());
            Purchase subscription = subscription(PURCHASED, TermDuration.P1Y, CHARGED);

            assertThat(newer.decide(perpetual(PURCHASED), PURCHASED.plus(Duration.ofDays(30))).cancellable()).isTrue();
            assertThat(newer.decide(perpetual(PURCHASED), PURCHASED.plus(Duration.ofDays(30)).plusSeconds(1)).cancellable()).isFalse();
            assertThat(newer.decide(subscription, PURCHASED.plus(Duration.ofDays(7))).cancellable()).isTrue();
            assertThat(newer.decide(subscription, PURCHASED.plus(Duration.ofDays(8))).refusal()).contains(CancellationRefusal.WINDOW_PASSED);
        }
    }
}
