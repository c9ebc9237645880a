package com.cspdesk.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cspdesk.domain.market.Market;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxRatesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"HU,0.27", "DE,0.19", "PL,0.23", "SE,0.25", "TR,0.20", "AU,0.10", "BR,0.15", "GB,0.20", "US,0",
            "FR,0.20", "NL,0.21", "AT,0.20"})
    void default_rates(String market, BigDecimal rate) {
        assertThat(TaxRates.defaults().rateFor(Market.of(market))).isEqualTo(new TaxRate(rate));
    }

    @Test
    void unknown_markets_fall_back_to_zero() {
        TaxRates rates = TaxRates.defaults();

        assertThat(rates.fallback()).isEqualTo(TaxRate.ZERO);
        assertThat(rates.rateFor(Market.of("AR")).isZero()).isTrue();
        assertThat(rates.configured()).doesNotContainKey(Market.of("AR"));
    }

    @Test
    void configuration_builds_rates_from_country_codes() {
        TaxRates rates = TaxRates.fromCountryCodes(Map.of("hu", new BigDecimal("0.27"), "AR", new BigDecimal("0.21")), new BigDecimal("0.05"));

        assertThat(rates.rateFor(Market.of("HU"))).isEqualTo(TaxRate.of("0.27"));
        assertThat(rates.rateFor(Market.of("AR"))).isEqualTo(TaxRate.of("0.21"));
        assertThat(rates.rateFor(Market.of("DE"))).isEqualTo(TaxRate.of("0.05"));
    }

    @Test
    void one_rate_can_be_replaced() {
        TaxRates rates = TaxRates.defaults().with(Market.of("FI"), TaxRate.of("0.255"));

        assertThat(rates.rateFor(Market.of("FI"))).isEqualTo(TaxRate.of("0.255"));
        assertThat(TaxRates.defaults().rateFor(Market.of("FI"))).isEqualTo(TaxRate.ZERO);
    }

    @Test
    void rates_lie_between_zero_and_one() {
        assertThatThrownBy(() -> TaxRate.of("-0.01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaxRate.of("1.01")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TaxRate.of("1")).isEqualTo(TaxRate.of("1.00"));
        assertThat(TaxRate.of("0.190")).isEqualTo(TaxRate.of("0.19")).hasToString("19 %");
        assertThat(TaxRate.of("0.255")).hasToString("25.5 %");
        assertThat(TaxRate.ZERO).hasToString("0 %");
    }
}
