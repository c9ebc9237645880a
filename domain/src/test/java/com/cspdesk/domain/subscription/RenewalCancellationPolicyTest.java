package com.cspdesk.domain.subscription;

import static com.cspdesk.domain.subscription.SubscriptionTest.BOUGHT;
import static com.cspdesk.domain.subscription.SubscriptionTest.CHARGE;
import static com.cspdesk.domain.subscription.SubscriptionTest.bought;
import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.domain.cancellation.CancellationCredit;
import com.cspdesk.domain.cancellation.CancellationPolicy;
import com.cspdesk.domain.cancellation.CancellationWindows;
import com.cspdesk.domain.cancellation.ReservationRefundLimit;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Proportion;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenewalCancellationPolicyTest {

    private final RenewalCancellationPolicy policy = new RenewalCancellationPolicy(CancellationPolicy.asInSpec());
    private final Subscription first = bought(TermDuration.P1Y, BOUGHT);
    private final Subscription renewed = new RenewalPolicy().due(first, first.termEnd()).orElseThrow().after();
    private final Instant renewedAt = renewed.termStart();

    @Test
    void on_day_10_of_a_renewal_the_credit_is_the_remaining_days_of_the_new_term() {
        RenewalCancellationPolicy.Decision decision = policy.decide(renewed, renewedAt.plus(Duration.ofDays(10)));

        // The renewed term (2027-03-10 → 2028-03-10) has 366 days; 10 are used.
        assertThat(decision).isInstanceOfSatisfying(RenewalCancellationPolicy.Decision.Cancellable.class, cancellable -> {
            assertThat(cancellable.credit()).isEqualTo(CHARGE.share(Proportion.of(356, 366)));
            assertThat(cancellable.windowEndsAt()).isEqualTo(renewedAt.plus(Duration.ofDays(60)));
            assertThat(cancellable.daysRemaining()).isEqualTo(50);
            assertThat(cancellable.cancelled().status()).isEqualTo(SubscriptionStatus.CANCELLED);
            assertThat(cancellable.cancelled().termNumber()).isEqualTo(2);
        });
    }

    @Test
    void the_credit_is_what_cancelling_a_purchase_made_at_the_renewal_would_credit() {
        Instant day10 = renewedAt.plus(Duration.ofDays(10));
        RenewalCancellationPolicy.Decision decision = policy.decide(renewed, day10);

        assertThat(((RenewalCancellationPolicy.Decision.Cancellable) decision).credit())
                .isEqualTo(new CancellationCredit().creditFor(RenewalCancellationPolicy.renewalAsPurchase(renewed), day10));
    }

    @Test
    void the_last_instant_of_the_window_is_inside_and_one_nanosecond_later_is_refused() {
        Instant windowEnd = renewedAt.plus(Duration.ofDays(60));

        assertThat(policy.decide(renewed, windowEnd).cancellable()).isTrue();
        assertThat(policy.decide(renewed, windowEnd.plusNanos(1))).isEqualTo(new RenewalCancellationPolicy.Decision.Refused(
                SubscriptionRefusal.RENEWAL_CANCELLATION_WINDOW_PASSED, Optional.of(windowEnd)));
    }

    @Test
    void the_window_is_configurable_as_for_purchases() {
        CancellationPolicy sevenDays = new CancellationPolicy(
                CancellationWindows.asInSpec().withWindow(ContractType.SUBSCRIPTION, Duration.ofDays(7)),
                new CancellationCredit(), ReservationRefundLimit.asMicrosoftDoes());
        RenewalCancellationPolicy shortWindow = new RenewalCancellationPolicy(sevenDays);

        assertThat(shortWindow.decide(renewed, renewedAt.plus(Duration.ofDays(7))).cancellable()).isTrue();
        assertThat(shortWindow.decide(renewed, renewedAt.plus(Duration.ofDays(8))).cancellable()).isFalse();
    }

    @Test
    void the_first_term_is_not_a_renewal() {
        assertThat(policy.decide(first, BOUGHT.plusSeconds(5))).isEqualTo(
                new RenewalCancellationPolicy.Decision.Refused(SubscriptionRefusal.NOT_RENEWED, Optional.empty()));
    }

    @Test
    void an_ended_subscription_is_refused_with_why_before_anything_else() {
        Instant day1 = renewedAt.plus(Duration.ofDays(1));

        assertThat(policy.decide(renewed.cancelled(), day1)).isEqualTo(
                new RenewalCancellationPolicy.Decision.Refused(SubscriptionRefusal.SUBSCRIPTION_CANCELLED, Optional.empty()));
        assertThat(policy.decide(first.withStatus(SubscriptionStatus.EXPIRED), day1)).isEqualTo(
                new RenewalCancellationPolicy.Decision.Refused(SubscriptionRefusal.SUBSCRIPTION_EXPIRED, Optional.empty()));
    }

    @Test
    void on_the_renewal_instant_the_whole_term_is_credited() {
        assertThat(((RenewalCancellationPolicy.Decision.Cancellable) policy.decide(renewed, renewedAt)).credit())
                .isEqualTo(CHARGE);
    }
}
