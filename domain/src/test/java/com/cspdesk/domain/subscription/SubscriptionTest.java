package com.cspdesk.domain.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SubscriptionTest {

    static final PriceQuote CHARGE = PriceQuote.fromNetAndTax(Money.of("1200.00", "EUR"), Money.of("228.00", "EUR"));
    static final Instant BOUGHT = Instant.parse("2026-03-10T10:15:30.123456Z");

    static Subscription bought(TermDuration term, Instant at) {
        return Subscription.purchased("sub-1", "tenant-1", "order-1", 2, ProductKind.WINDOWS_SERVER_SUBSCRIPTION, term,
                CHARGE, at);
    }

    @Test
    void a_purchase_starts_term_1_at_the_purchase_instant_with_auto_renew_on() {
        Subscription subscription = bought(TermDuration.P1Y, BOUGHT);

        assertThat(subscription.termNumber()).isEqualTo(1);
        assertThat(subscription.termStart()).isEqualTo(BOUGHT);
        assertThat(subscription.termEnd()).isEqualTo(Instant.parse("2027-03-10T10:15:30.123456Z"));
        assertThat(subscription.autoRenew()).isTrue();
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(subscription.isRenewal()).isFalse();
        assertThat(subscription.ended()).isEmpty();
    }

    @Test
    void a_three_year_term_ends_three_calendar_years_later_at_the_same_time_of_day() {
        assertThat(bought(TermDuration.P3Y, BOUGHT).termEnd()).isEqualTo(Instant.parse("2029-03-10T10:15:30.123456Z"));
    }

    @Test
    void a_term_starting_on_29_february_ends_on_28_february() {
        Instant leapDay = Instant.parse("2028-02-29T23:59:59Z");

        assertThat(bought(TermDuration.P1Y, leapDay).termEnd()).isEqualTo(Instant.parse("2029-02-28T23:59:59Z"));
        assertThat(bought(TermDuration.P3Y, leapDay).termEnd()).isEqualTo(Instant.parse("2031-02-28T23:59:59Z"));
    }

    @Test
    void a_term_over_a_leap_day_is_366_days() {
        Subscription subscription = bought(TermDuration.P1Y, Instant.parse("2027-06-01T00:00:00Z"));

        assertThat(subscription.termEnd()).isEqualTo(Instant.parse("2028-06-01T00:00:00Z"));
    }

    @ParameterizedTest
    @EnumSource(value = ProductKind.class, names = {"WINDOWS_SERVER_SUBSCRIPTION", "SQL_SERVER_SUBSCRIPTION"}, mode = EnumSource.Mode.EXCLUDE)
    void only_server_subscriptions_are_subscriptions(ProductKind kind) {
        assertThat(Subscription.isSubscription(kind)).isFalse();
        TermDuration term = kind.terms().iterator().next();
        assertThatThrownBy(() -> Subscription.purchased("s", "t", "o", 1, kind, term, CHARGE, BOUGHT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sql_server_subscriptions_are_subscriptions() {
        assertThat(Subscription.isSubscription(ProductKind.SQL_SERVER_SUBSCRIPTION)).isTrue();
        assertThat(Subscription.isSubscription(ProductKind.WINDOWS_SERVER_SUBSCRIPTION)).isTrue();
    }

    @Test
    void a_term_end_that_does_not_follow_from_its_start_is_refused() {
        Subscription subscription = bought(TermDuration.P1Y, BOUGHT);

        assertThatThrownBy(() -> new Subscription("s", "t", "o", 1, subscription.kind(), subscription.term(), CHARGE, BOUGHT,
                1, BOUGHT, BOUGHT.plusSeconds(1), true, SubscriptionStatus.ACTIVE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Subscription("s", "t", "o", 1, subscription.kind(), subscription.term(), CHARGE, BOUGHT,
                0, BOUGHT, subscription.termEnd(), true, SubscriptionStatus.ACTIVE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void auto_renew_switches_while_active() {
        Subscription.Change change = bought(TermDuration.P1Y, BOUGHT).switchAutoRenew(false);

        assertThat(change).isInstanceOfSatisfying(Subscription.Change.Applied.class,
                applied -> assertThat(applied.subscription().autoRenew()).isFalse());
    }

    @Test
    void auto_renew_of_an_ended_subscription_is_refused_with_why() {
        Subscription cancelled = bought(TermDuration.P1Y, BOUGHT).cancelled();
        Subscription expired = bought(TermDuration.P1Y, BOUGHT).withStatus(SubscriptionStatus.EXPIRED);

        assertThat(cancelled.switchAutoRenew(true)).isEqualTo(new Subscription.Change.Refused(SubscriptionRefusal.SUBSCRIPTION_CANCELLED));
        assertThat(expired.switchAutoRenew(true)).isEqualTo(new Subscription.Change.Refused(SubscriptionRefusal.SUBSCRIPTION_EXPIRED));
    }

    @Test
    void status_codes_are_the_apis() {
        assertThat(SubscriptionStatus.fromCode("active")).contains(SubscriptionStatus.ACTIVE);
        assertThat(SubscriptionStatus.fromCode("expired")).contains(SubscriptionStatus.EXPIRED);
        assertThat(SubscriptionStatus.fromCode("cancelled")).contains(SubscriptionStatus.CANCELLED);
        assertThat(SubscriptionStatus.fromCode("Active")).isEmpty();
    }
}
