package com.cspdesk.domain.cancellation;

import static com.cspdesk.domain.cancellation.CancellationPolicyTest.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The values around the policy: windows, purchases, refunds, decisions, reason codes. */
class CancellationRulesTest {

    @Test
    void the_spec_window_is_60_days_for_every_cancellable_kind() {
        CancellationWindows windows = CancellationWindows.asInSpec();

        for (ProductKind kind : ProductKind.values()) {
            assertThat(windows.windowFor(kind)).as(kind.name())
                    .isEqualTo(kind.isLinuxSoftwarePlan() ? Optional.empty() : Optional.of(Duration.ofDays(60)));
        }
    }

    @Test
    void newer_rules_change_perpetual_and_subscriptions_only() {
        CancellationWindows windows = CancellationWindows.newerMicrosoftRules();

        assertThat(windows.windowFor(ProductKind.PERPETUAL_SOFTWARE)).contains(Duration.ofDays(30));
        assertThat(windows.windowFor(ProductKind.WINDOWS_SERVER_SUBSCRIPTION)).contains(Duration.ofDays(7));
        assertThat(windows.windowFor(ProductKind.SQL_SERVER_SUBSCRIPTION)).contains(Duration.ofDays(7));
        assertThat(windows.windowFor(ProductKind.AZURE_RESERVATION_VM)).contains(Duration.ofDays(60));
    }

    @Test
    void one_kind_can_be_configured() {
        CancellationWindows windows = CancellationWindows.asInSpec().withWindow(ProductKind.AZURE_RESERVATION_SQL, Duration.ofDays(14));

        assertThat(windows.windowFor(ProductKind.AZURE_RESERVATION_SQL)).contains(Duration.ofDays(14));
        assertThat(windows.windowFor(ProductKind.AZURE_RESERVATION_VM)).contains(Duration.ofDays(60));
    }

    @Test
    void windows_are_checked() {
        assertThatThrownBy(() -> CancellationWindows.asInSpec().withWindow(ProductKind.RED_HAT_SOFTWARE_PLAN, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CancellationWindows.asInSpec().withWindow(ContractType.SOFTWARE_PLAN, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CancellationWindows.asInSpec().withWindow(ProductKind.PERPETUAL_SOFTWARE, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CancellationWindows.asInSpec().withWindow(ProductKind.PERPETUAL_SOFTWARE, Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CancellationWindows(Map.of(ProductKind.PERPETUAL_SOFTWARE, Duration.ofDays(60))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no cancellation window");
    }

    @Test
    void a_purchase_has_a_term_its_kind_is_sold_with_and_credits_within_its_charge() {
        Instant now = Instant.parse("2026-01-10T00:00:00Z");
        assertThatThrownBy(() -> Purchase.of(ProductKind.PERPETUAL_SOFTWARE, TermDuration.P1Y, now, eur("1.00", "0.19")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Purchase.of(ProductKind.WINDOWS_SERVER_SUBSCRIPTION, TermDuration.NONE, now, eur("1.00", "0.19")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Purchase(ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, now, eur("1.00", "0.19"),
                eur("1.01", "0.00"), false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reservation_refunds_are_non_negative_usd() {
        assertThatThrownBy(() -> new ReservationRefunds(Money.of("1.00", "EUR"), Money.of("1.00", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReservationRefunds(Money.of("1.00", "USD"), Money.of("1.00", "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReservationRefunds(Money.of("-1.00", "USD"), Money.of("1.00", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ReservationRefunds(Money.of("1.50", "USD"), Money.of("2.25", "USD")).totalUsd()).isEqualTo(Money.of("3.75", "USD"));
    }

    @Test
    void the_refund_limit_is_50000_usd_inclusive() {
        ReservationRefundLimit limit = ReservationRefundLimit.asMicrosoftDoes();

        assertThat(limit.limitUsd()).isEqualTo(Money.of("50000", "USD"));
        assertThat(limit.allowsSelfService(new ReservationRefunds(Money.of("25000.00", "USD"), Money.of("25000.00", "USD")))).isTrue();
        assertThat(limit.allowsSelfService(new ReservationRefunds(Money.of("25000.00", "USD"), Money.of("25000.01", "USD")))).isFalse();
        assertThatThrownBy(() -> new ReservationRefundLimit(Money.of("1.00", "EUR"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReservationRefundLimit(Money.of("-1.00", "USD"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reason_codes_are_stable() {
        assertThat(CancellationRefusal.WINDOW_PASSED.code()).isEqualTo("cancellation_window_passed");
        assertThat(CancellationRefusal.NOT_CANCELLABLE.code()).isEqualTo("not_cancellable");
        assertThat(CancellationRefusal.ALREADY_CANCELLED.code()).isEqualTo("already_cancelled");
        assertThat(CancellationRefusal.SUPPORT_REQUEST_REQUIRED.code()).isEqualTo("support_request_required");
    }

    @Test
    void a_support_request_is_its_own_decision() {
        assertThatThrownBy(() -> new CancellationDecision.NotCancellable(CancellationRefusal.SUPPORT_REQUEST_REQUIRED, Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        CancellationDecision decision = new CancellationDecision.SupportRequestRequired(Instant.EPOCH, 3, PriceQuote.zero(
                java.util.Currency.getInstance("USD")));
        assertThat(decision.cancellable()).isFalse();
        assertThat(decision.supportRequestRequired()).isTrue();
        assertThat(decision.windowEnd()).contains(Instant.EPOCH);
        assertThat(decision.daysRemaining()).isEqualTo(3);
    }
}
