package com.cspdesk.domain.cancellation;

import static com.cspdesk.domain.cancellation.CancellationPolicyTest.eur;
import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.Proportion;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CancellationCreditTest {

    private final CancellationCredit credit = new CancellationCredit();

    private static Purchase subscription(String purchasedAt, TermDuration term, PriceQuote charged) {
        return Purchase.of(ProductKind.SQL_SERVER_SUBSCRIPTION, term, Instant.parse(purchasedAt), charged);
    }

    @Test
    void remaining_whole_days_over_term_days() {
        Purchase purchase = subscription("2026-01-10T09:00:00Z", TermDuration.P1Y, eur("1000.00", "190.00"));
        Instant purchased = purchase.purchasedAt();

        assertThat(credit.remainingShareOfTerm(purchase, purchased)).isEqualTo(Proportion.of(365, 365));
        assertThat(credit.remainingShareOfTerm(purchase, purchased.plus(Duration.ofDays(1)).minusNanos(1)))
                .as("a started day is still credited").isEqualTo(Proportion.of(365, 365));
        assertThat(credit.remainingShareOfTerm(purchase, purchased.plus(Duration.ofDays(1)))).isEqualTo(Proportion.of(364, 365));
        assertThat(credit.remainingShareOfTerm(purchase, purchased.plus(Duration.ofDays(45)))).isEqualTo(Proportion.of(320, 365));
        assertThat(credit.remainingShareOfTerm(purchase, purchased.plus(Duration.ofDays(400)))).isEqualTo(Proportion.of(0, 365));
        assertThat(credit.remainingShareOfTerm(purchase, purchased.minusSeconds(1))).isEqualTo(Proportion.of(365, 365));
    }

    @Test
    void leap_years_have_366_and_1096_day_terms() {
        assertThat(credit.remainingShareOfTerm(subscription("2027-03-01T00:00:00Z", TermDuration.P1Y, eur("1.00", "0.00")),
                Instant.parse("2027-03-11T00:00:00Z"))).isEqualTo(Proportion.of(356, 366));
        assertThat(credit.remainingShareOfTerm(subscription("2026-01-10T00:00:00Z", TermDuration.P3Y, eur("1.00", "0.00")),
                Instant.parse("2026-01-20T00:00:00Z"))).isEqualTo(Proportion.of(1086, 1096));
        assertThat(credit.remainingShareOfTerm(subscription("2028-02-29T00:00:00Z", TermDuration.P1Y, eur("1.00", "0.00")),
                Instant.parse("2028-02-29T00:00:00Z"))).isEqualTo(Proportion.of(365, 365));
    }

    @Test
    void perpetual_software_has_no_term_and_gets_everything_back() {
        Purchase perpetual = Purchase.of(ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE, Instant.parse("2026-01-10T00:00:00Z"),
                eur("500.00", "95.00"));

        assertThat(credit.remainingShareOfTerm(perpetual, Instant.parse("2027-01-10T00:00:00Z"))).isEqualTo(Proportion.ALL);
        assertThat(credit.creditFor(perpetual, Instant.parse("2026-02-10T00:00:00Z"))).isEqualTo(eur("500.00", "95.00"));
    }

    @Test
    void the_last_cent_of_a_proration_rounds_half_up() {
        // 366-day term, 1.83 EUR gross: the last remaining day is 1.83 / 366 = 0.005 EUR, which rounds up to one cent.
        Purchase purchase = subscription("2027-03-01T00:00:00Z", TermDuration.P1Y, eur("1.54", "0.29"));

        PriceQuote lastDay = credit.creditFor(purchase, Instant.parse("2027-03-01T00:00:00Z").plus(Duration.ofDays(365)));

        assertThat(lastDay).isEqualTo(new PriceQuote(Money.of("0.01", "EUR"), Money.of("0.00", "EUR"), Money.of("0.01", "EUR")));
        assertThat(credit.creditFor(purchase, Instant.parse("2027-03-01T00:00:00Z").plus(Duration.ofDays(366))).isZero()).isTrue();
    }

    @Test
    void a_reservation_is_prorated_like_a_subscription() {
        Purchase reservation = Purchase.of(ProductKind.AZURE_RESERVATION_SQL, TermDuration.P3Y, Instant.parse("2026-01-10T00:00:00Z"),
                PriceQuote.fromNetAndTax(Money.of("10960.00", "USD"), Money.of("0.00", "USD")));

        assertThat(credit.creditFor(reservation, Instant.parse("2026-01-20T00:00:00Z")).gross()).isEqualTo(Money.of("10860.00", "USD"));
    }

    @Test
    void never_more_than_charged_minus_already_credited() {
        Purchase partlyCredited = new Purchase(ProductKind.WINDOWS_SERVER_SUBSCRIPTION, TermDuration.P1Y,
                Instant.parse("2026-01-10T09:00:00Z"), eur("1000.00", "190.00"), eur("900.00", "171.00"), false);

        PriceQuote dayZero = credit.creditFor(partlyCredited, partlyCredited.purchasedAt());

        assertThat(dayZero).isEqualTo(eur("100.00", "19.00"));
        assertThat(partlyCredited.creditable()).isEqualTo(eur("100.00", "19.00"));
    }

    @Test
    void a_fully_credited_purchase_gets_nothing_more() {
        Purchase fullyCredited = new Purchase(ProductKind.PERPETUAL_SOFTWARE, TermDuration.NONE,
                Instant.parse("2026-01-10T09:00:00Z"), eur("1000.00", "190.00"), eur("1000.00", "190.00"), false);

        assertThat(credit.creditFor(fullyCredited, fullyCredited.purchasedAt()).isZero()).isTrue();
    }

    @Test
    void software_plans_earn_no_credit() {
        Purchase plan = Purchase.of(ProductKind.SUSE_LINUX_SOFTWARE_PLAN, TermDuration.P1Y, Instant.parse("2026-01-10T09:00:00Z"),
                eur("1000.00", "190.00"));

        assertThat(credit.creditFor(plan, plan.purchasedAt()).isZero()).isTrue();
    }
}
