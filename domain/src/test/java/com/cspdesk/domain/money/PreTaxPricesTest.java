package com.cspdesk.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cspdesk.domain.market.Market;
import org.junit.jupiter.api.Test;

class PreTaxPricesTest {

    private final PriceQuotePolicy policy = PriceQuotePolicy.defaults();

    @Test
    void where_prices_exclude_tax_the_unit_price_is_the_list_price_and_the_line_its_net() {
        Money list = Money.of("1000.00", "EUR");
        PriceQuote charged = policy.quote(list, 3, Market.of("DE"));

        PreTaxPrices prices = PreTaxPrices.of(list, 3, charged, false);

        assertThat(prices.unitPrice()).isEqualTo(list);
        assertThat(prices.extendedPrice()).isEqualTo(Money.of("3000.00", "EUR")).isEqualTo(charged.net());
    }

    @Test
    void where_prices_include_tax_both_are_before_tax_and_the_line_is_exactly_the_net_charged() {
        Money list = Money.of("110.00", "AUD");
        PriceQuote charged = policy.quote(list, 2, Market.of("AU"));

        PreTaxPrices prices = PreTaxPrices.of(list, 2, charged, true);

        assertThat(prices.unitPrice()).isEqualTo(Money.of("100.00", "AUD"));
        assertThat(prices.extendedPrice()).isEqualTo(Money.of("200.00", "AUD")).isEqualTo(charged.net());
    }

    @Test
    void a_unit_price_taken_out_of_a_tax_inclusive_line_is_rounded_once_half_up() {
        // 3 x 100.00 BRL: tax 300 x 0.15 / 1.15 = 39.13, net 260.87; 260.87 / 3 = 86.956... -> 86.96.
        Money list = Money.of("100.00", "BRL");
        PriceQuote charged = policy.quote(list, 3, Market.of("BR"));

        PreTaxPrices prices = PreTaxPrices.of(list, 3, charged, true);

        assertThat(charged.net()).isEqualTo(Money.of("260.87", "BRL"));
        assertThat(prices.unitPrice()).isEqualTo(Money.of("86.96", "BRL"));
        assertThat(prices.extendedPrice()).isEqualTo(Money.of("260.87", "BRL"));
    }

    @Test
    void a_line_without_units_has_no_unit_price() {
        Money list = Money.of("1.00", "EUR");
        PriceQuote charged = policy.quote(list, 1, Market.of("DE"));

        assertThatThrownBy(() -> PreTaxPrices.of(list, 0, charged, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
