package com.cspdesk.domain.cancellation;

import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Credits of any cancellable purchase at any time stay within what can still be credited and shrink as time passes. */
class CancellationCreditProperties {

    private static final Currency EUR = Currency.getInstance("EUR");
    private final CancellationCredit credit = new CancellationCredit();
    private final CancellationPolicy policy = CancellationPolicy.asInSpec();

    private static Purchase purchase(long netCents, int taxPercent, long creditedPermille, boolean threeYears, long purchaseSecond) {
        Money net = new Money(BigDecimal.valueOf(netCents, 2), EUR);
        PriceQuote charged = PriceQuote.fromNetAndTax(net, net.times(BigDecimal.valueOf(taxPercent, 2)));
        PriceQuote credited = charged.share(com.cspdesk.domain.money.Proportion.of(creditedPermille, 1000));
        return new Purchase(ProductKind.WINDOWS_SERVER_SUBSCRIPTION, threeYears ? TermDuration.P3Y : TermDuration.P1Y,
                Instant.ofEpochSecond(purchaseSecond), charged, credited, false);
    }

    @Property
    void credits_never_exceed_what_remains_creditable(
            @ForAll @LongRange(min = 0, max = 100_000_000) long netCents,
            @ForAll @IntRange(min = 0, max = 27) int taxPercent,
            @ForAll @LongRange(min = 0, max = 1000) long creditedPermille,
            @ForAll boolean threeYears,
            @ForAll @LongRange(min = 1_600_000_000L, max = 2_000_000_000L) long purchaseSecond,
            @ForAll @LongRange(min = 0, max = 1_200L * 86_400) long secondsLater) {
        Purchase purchase = purchase(netCents, taxPercent, creditedPermille, threeYears, purchaseSecond);

        PriceQuote creditNow = credit.creditFor(purchase, purchase.purchasedAt().plusSeconds(secondsLater));

        assertThat(creditNow.isWithin(purchase.creditable())).isTrue();
        assertThat(creditNow.net().plus(creditNow.tax())).isEqualTo(creditNow.gross());
    }

    @Property
    void credits_shrink_as_days_pass(
            @ForAll @LongRange(min = 0, max = 100_000_000) long netCents,
            @ForAll @IntRange(min = 0, max = 27) int taxPercent,
            @ForAll boolean threeYears,
            @ForAll @LongRange(min = 1_600_000_000L, max = 2_000_000_000L) long purchaseSecond,
            @ForAll @IntRange(min = 0, max = 1_100) int earlierDay,
            @ForAll @IntRange(min = 0, max = 1_100) int laterDay) {
        Purchase purchase = purchase(netCents, taxPercent, 0, threeYears, purchaseSecond);
        Instant earlier = purchase.purchasedAt().plus(Duration.ofDays(Math.min(earlierDay, laterDay)));
        Instant later = purchase.purchasedAt().plus(Duration.ofDays(Math.max(earlierDay, laterDay)));

        assertThat(credit.creditFor(purchase, later).gross().isAtMost(credit.creditFor(purchase, earlier).gross())).isTrue();
    }

    @Property
    void inside_the_window_a_purchase_is_cancellable_and_outside_it_is_not(
            @ForAll @LongRange(min = 1_600_000_000L, max = 2_000_000_000L) long purchaseSecond,
            @ForAll @LongRange(min = 0, max = 120L * 86_400) long secondsLater) {
        Purchase purchase = purchase(100_00, 19, 0, false, purchaseSecond);

        CancellationDecision decision = policy.decide(purchase, purchase.purchasedAt().plusSeconds(secondsLater));

        assertThat(decision.cancellable()).isEqualTo(secondsLater <= 60L * 86_400);
        assertThat(decision.daysRemaining()).isBetween(0L, 60L);
    }
}
