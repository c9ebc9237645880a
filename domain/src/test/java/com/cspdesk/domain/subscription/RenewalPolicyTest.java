package com.cspdesk.domain.subscription;

import static com.cspdesk.domain.subscription.SubscriptionTest.BOUGHT;
import static com.cspdesk.domain.subscription.SubscriptionTest.CHARGE;
import static com.cspdesk.domain.subscription.SubscriptionTest.bought;
import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.domain.catalog.TermDuration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenewalPolicyTest {

    private final RenewalPolicy policy = new RenewalPolicy();
    private final Subscription subscription = bought(TermDuration.P1Y, BOUGHT);
    private final Instant end = subscription.termEnd();

    @Test
    void nothing_is_due_one_nanosecond_before_the_term_ends() {
        assertThat(policy.due(subscription, end.minusNanos(1))).isEmpty();
    }

    @Test
    void at_the_term_end_with_auto_renew_the_next_term_starts_exactly_at_the_old_end_for_the_same_charge() {
        Optional<RenewalPolicy.Transition> due = policy.due(subscription, end);

        assertThat(due).get().isInstanceOfSatisfying(RenewalPolicy.Transition.Renewal.class, renewal -> {
            assertThat(renewal.before()).isEqualTo(subscription);
            assertThat(renewal.after().termNumber()).isEqualTo(2);
            assertThat(renewal.after().termStart()).isEqualTo(end);
            assertThat(renewal.after().termEnd()).isEqualTo(Instant.parse("2028-03-10T10:15:30.123456Z"));
            assertThat(renewal.after().status()).isEqualTo(SubscriptionStatus.ACTIVE);
            assertThat(renewal.after().autoRenew()).isTrue();
            assertThat(renewal.after().isRenewal()).isTrue();
            assertThat(renewal.charge()).isEqualTo(CHARGE);
        });
    }

    @Test
    void at_the_term_end_without_auto_renew_it_expires_in_its_term() {
        Subscription off = ((Subscription.Change.Applied) subscription.switchAutoRenew(false)).subscription();

        assertThat(policy.due(off, end)).get().isInstanceOfSatisfying(RenewalPolicy.Transition.Expiry.class, expiry -> {
            assertThat(expiry.after().status()).isEqualTo(SubscriptionStatus.EXPIRED);
            assertThat(expiry.after().termNumber()).isEqualTo(1);
            assertThat(expiry.after().termEnd()).isEqualTo(end);
        });
    }

    @Test
    void several_overdue_terms_renew_one_by_one_until_the_current_term_has_not_ended() {
        Instant now = end.plus(800, ChronoUnit.DAYS);
        Subscription current = subscription;
        int renewals = 0;
        for (Optional<RenewalPolicy.Transition> due = policy.due(current, now); due.isPresent(); due = policy.due(current, now)) {
            assertThat(due.get()).isInstanceOf(RenewalPolicy.Transition.Renewal.class);
            assertThat(due.get().after().termStart()).isEqualTo(current.termEnd());
            current = due.get().after();
            renewals++;
        }

        assertThat(renewals).isEqualTo(3);
        assertThat(current.termNumber()).isEqualTo(4);
        assertThat(current.termStart()).isBefore(now);
        assertThat(current.termEnd()).isAfter(now);
    }

    @Test
    void an_ended_subscription_never_renews_or_expires_again() {
        Instant later = end.plus(400, ChronoUnit.DAYS);

        assertThat(policy.due(subscription.cancelled(), later)).isEmpty();
        assertThat(policy.due(subscription.withStatus(SubscriptionStatus.EXPIRED), later)).isEmpty();
    }

    @Test
    void a_leap_day_subscription_renews_on_28_february_and_then_keeps_that_date() {
        Subscription leap = bought(TermDuration.P1Y, Instant.parse("2028-02-29T12:00:00Z"));

        Subscription second = policy.due(leap, leap.termEnd()).orElseThrow().after();

        assertThat(second.termStart()).isEqualTo(Instant.parse("2029-02-28T12:00:00Z"));
        assertThat(second.termEnd()).isEqualTo(Instant.parse("2030-02-28T12:00:00Z"));
    }
}
