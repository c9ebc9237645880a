package com.cspdesk.domain.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsdEquivalentsTest {

    private final UsdEquivalents rates = UsdEquivalents.defaults();

    @Test
    void convertsAtTheReferenceRateToTheCent() {
        assertThat(rates.toUsd(Money.of("46000.00", "EUR"))).isEqualTo(Money.of("50000.00", "USD"));
        assertThat(rates.toUsd(Money.of("18000000.00", "HUF"))).isEqualTo(Money.of("50000.00", "USD"));
        assertThat(rates.toUsd(Money.of("1.00", "EUR"))).isEqualTo(Money.of("1.09", "USD"));
        assertThat(rates.toUsd(Money.of("12.34", "USD"))).isEqualTo(Money.of("12.34", "USD"));
    }

    @Test
    void unknownCurrenciesAndBadRatesAreRefused() {
        assertThat(rates.knows(Currency.getInstance("JPY"))).isFalse();
        assertThatThrownBy(() -> rates.toUsd(Money.of("100", "JPY"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UsdEquivalents(Map.of(Currency.getInstance("EUR"), BigDecimal.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(rates.with(Currency.getInstance("JPY"), new BigDecimal("150")).toUsd(Money.of("150", "JPY")))
                .isEqualTo(Money.of("1.00", "USD"));
    }
}
