package com.cspdesk.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceQuoteTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private static PriceQuote eur(String net, String tax) {
        return PriceQuote.fromNetAndTax(Money.of(net, "EUR"), Money.of(tax, "EUR"));
    }

    @Test
    void net_plus_tax_must_equal_gross() {
        assertThatThrownBy(() -> new PriceQuote(Money.of("1.00", "EUR"), Money.of("0.19", "EUR"), Money.of("1.20", "EUR")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("net + tax must equal gross");
    }

    @Test
    void parts_are_not_negative_and_share_one_currency() {
        assertThatThrownBy(() -> eur("-1.00", "0.00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PriceQuote.fromGrossAndTax(Money.of("1.00", "EUR"), Money.of("1.01", "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PriceQuote.fromNetAndTax(Money.of("1.00", "EUR"), Money.of("0.19", "USD")))
                .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void totals_are_the_sum_of_lines() {
        PriceQuote total = PriceQuote.total(EUR, List.of(eur("1.00", "0.19"), eur("2.50", "0.48"), eur("0.01", "0.00")));

        assertThat(total).isEqualTo(eur("3.51", "0.67"));
        assertThat(total.gross()).isEqualTo(Money.of("4.18", "EUR"));
        assertThat(PriceQuote.total(EUR, List.of())).isEqualTo(PriceQuote.zero(EUR));
        assertThat(PriceQuote.zero(EUR).isZero()).isTrue();
        assertThat(total.currency()).isEqualTo(EUR);
    }

    @Test
    void minus_gives_what_remains() {
        assertThat(eur("1000.00", "190.00").minus(eur("100.00", "19.00"))).isEqualTo(eur("900.00", "171.00"));
        assertThatThrownBy(() -> eur("1.00", "0.19").minus(eur("2.00", "0.00"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_share_prorates_gross_and_tax_and_keeps_net_plus_tax_equal_to_gross() {
        PriceQuote credit = eur("1000.00", "190.00").share(Proportion.of(320, 365));

        assertThat(credit.gross()).isEqualTo(Money.of("1043.29", "EUR"));
        assertThat(credit.tax()).isEqualTo(Money.of("166.58", "EUR"));
        assertThat(credit.net()).isEqualTo(Money.of("876.71", "EUR"));
    }

    @Test
    void the_whole_share_is_the_quote_itself_and_no_share_is_zero() {
        PriceQuote line = eur("33.33", "6.33");

        assertThat(line.share(Proportion.ALL)).isSameAs(line);
        assertThat(line.share(Proportion.NONE)).isEqualTo(PriceQuote.zero(EUR));
    }

    @Test
    void complementary_half_credits_of_an_odd_cent_add_up_because_the_second_is_capped() {
        PriceQuote line = eur("0.01", "0.00");
        PriceQuote first = line.share(Proportion.of(1, 2));
        PriceQuote secondUncapped = line.share(Proportion.of(1, 2));

        assertThat(first.gross()).isEqualTo(Money.of("0.01", "EUR"));
        assertThat(first.plus(secondUncapped).gross()).as("half up rounds both halves up").isEqualTo(Money.of("0.02", "EUR"));
        assertThat(first.plus(secondUncapped.cappedAt(line.minus(first)))).isEqualTo(line);
    }

    @Test
    void capping_keeps_a_quote_within_the_limit() {
        PriceQuote limit = eur("100.00", "19.00");

        assertThat(eur("50.00", "9.50").cappedAt(limit)).isEqualTo(eur("50.00", "9.50"));
        assertThat(eur("200.00", "38.00").cappedAt(limit)).isEqualTo(limit);
        assertThat(eur("100.00", "19.01").cappedAt(limit)).isEqualTo(limit);
        assertThat(eur("100.01", "19.00").cappedAt(limit)).isEqualTo(limit);
        // Gross within, tax above: tax comes down to the limit's tax.
        PriceQuote taxHeavy = eur("10.00", "25.00").cappedAt(limit);
        assertThat(taxHeavy).isEqualTo(eur("16.00", "19.00"));
        assertThat(taxHeavy.isWithin(limit)).isTrue();
        // Gross within, net above: tax goes up just enough for net to fit.
        PriceQuote netHeavy = eur("110.00", "0.00").cappedAt(limit);
        assertThat(netHeavy).isEqualTo(eur("100.00", "10.00"));
        assertThat(netHeavy.isWithin(limit)).isTrue();
    }

    @Test
    void prints_its_parts() {
        assertThat(eur("1.00", "0.19")).hasToString("PriceQuote[net=1.00 EUR, tax=0.19 EUR, gross=1.19 EUR]");
    }
}
