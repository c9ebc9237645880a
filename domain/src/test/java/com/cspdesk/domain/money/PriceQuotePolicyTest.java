package com.cspdesk.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cspdesk.domain.market.Market;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PriceQuotePolicyTest {

    private final PriceQuotePolicy policy = PriceQuotePolicy.defaults();

    private static PriceQuote quote(String net, String tax, String gross, String currency) {
        return new PriceQuote(Money.of(net, currency), Money.of(tax, currency), Money.of(gross, currency));
    }

    @Test
    void tax_is_added_on_top_where_prices_exclude_it() {
        assertThat(policy.quote(Money.of("1000.00", "EUR"), 1, Market.of("DE")))
                .isEqualTo(quote("1000.00", "190.00", "1190.00", "EUR"));
        assertThat(policy.quote(Money.of("12345.67", "HUF"), 3, Market.of("HU")))
                .isEqualTo(quote("37037.01", "9999.99", "47037.00", "HUF"));
    }

    @Test
    void tax_is_taken_out_of_the_price_in_australia() {
        assertThat(policy.quote(Money.of("110.00", "AUD"), 1, Market.of("AU")))
                .isEqualTo(quote("100.00", "10.00", "110.00", "AUD"));
        assertThat(policy.quote(Money.of("99.99", "AUD"), 1, Market.of("AU")))
                .isEqualTo(quote("90.90", "9.09", "99.99", "AUD"));
        assertThat(policy.includesTax(Market.of("AU"))).isTrue();
    }

    @Test
    void tax_is_taken_out_of_the_price_in_brazil() {
        // 100.00 x 0.15 / 1.15 = 13.043...
        assertThat(policy.quote(Money.of("100.00", "BRL"), 1, Market.of("BR")))
                .isEqualTo(quote("86.96", "13.04", "100.00", "BRL"));
    }

    @Test
    void tax_is_rounded_half_up_once_per_line() {
        // 1.50 x 0.19 = 0.285: half up gives 0.29 (half even would give 0.28).
        assertThat(policy.quote(Money.of("1.50", "EUR"), 1, Market.of("DE")).tax()).isEqualTo(Money.of("0.29", "EUR"));
        // Per line, not per unit: 3 x 1.50 = 4.50, 4.50 x 0.19 = 0.855 -> 0.86 (per unit would give 3 x 0.29 = 0.87).
        assertThat(policy.quote(Money.of("1.50", "EUR"), 3, Market.of("DE")).tax()).isEqualTo(Money.of("0.86", "EUR"));
    }

    @Test
    void currencies_without_cents_round_to_whole_units() {
        assertThat(policy.quote(Money.of("1001", "JPY"), 1, Market.of("JP")))
                .isEqualTo(quote("1001", "100", "1101", "JPY"));
    }

    @Test
    void markets_without_a_rate_pay_no_tax() {
        assertThat(policy.quote(Money.of("10.00", "USD"), 2, Market.of("US")))
                .isEqualTo(quote("20.00", "0.00", "20.00", "USD"));
        assertThat(policy.quote(Money.of("10.00", "USD"), 2, Market.of("AR")).tax().isZero()).isTrue();
        assertThat(policy.rateFor(Market.of("AR"))).isEqualTo(TaxRate.ZERO);
    }

    @Test
    void a_tax_inclusive_market_without_a_rate_has_net_equal_to_gross() {
        PriceQuotePolicy custom = new PriceQuotePolicy(TaxRates.defaults(), new TaxInclusiveMarkets(Set.of(Market.of("AR"))));

        assertThat(custom.quote(Money.of("10.00", "USD"), 1, Market.of("AR"))).isEqualTo(quote("10.00", "0.00", "10.00", "USD"));
    }

    @Test
    void a_free_line_is_zero() {
        assertThat(policy.quote(Money.of("0.00", "EUR"), 5, Market.of("DE")).isZero()).isTrue();
    }

    @Test
    void quantity_and_price_are_checked() {
        assertThatThrownBy(() -> policy.quote(Money.of("1.00", "EUR"), 0, Market.of("DE"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.quote(Money.of("-1.00", "EUR"), 1, Market.of("DE"))).isInstanceOf(IllegalArgumentException.class);
    }
}
