package com.cspdesk.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void amounts_are_held_at_the_minor_unit_of_their_currency() {
        assertThat(Money.of("10", "EUR").amount()).isEqualTo(new BigDecimal("10.00"));
        assertThat(Money.of("10", "JPY").amount().scale()).isZero();
        assertThat(Money.of("10", "KWD").amount().scale()).isEqualTo(3);
        assertThat(Money.of("10", "HUF").amount().scale()).as("the JDK gives HUF two digits").isEqualTo(2);
    }

    @Test
    void rounding_is_half_up() {
        assertThat(Money.ROUNDING).isEqualTo(java.math.RoundingMode.HALF_UP);
        assertThat(Money.of("0.285", "EUR")).isEqualTo(Money.of("0.29", "EUR"));
        assertThat(Money.of("0.275", "EUR")).isEqualTo(Money.of("0.28", "EUR"));
        assertThat(Money.of("0.2849", "EUR")).isEqualTo(Money.of("0.28", "EUR"));
        assertThat(Money.of("-0.285", "EUR")).isEqualTo(Money.of("-0.29", "EUR"));
        assertThat(Money.of("100.5", "JPY")).isEqualTo(Money.of("101", "JPY"));
        assertThat(Money.of(new BigDecimal("1.005"), EUR)).isEqualTo(Money.of("1.01", "EUR"));
    }

    @Test
    void equal_amounts_are_equal_whatever_scale_they_were_given_in() {
        assertThat(Money.of("1.5", "EUR")).isEqualTo(Money.of("1.500", "EUR")).hasSameHashCodeAs(Money.of("1.50", "EUR"));
    }

    @Test
    void arithmetic() {
        Money a = Money.of("10.10", "EUR");
        Money b = Money.of("0.95", "EUR");

        assertThat(a.plus(b)).isEqualTo(Money.of("11.05", "EUR"));
        assertThat(a.minus(b)).isEqualTo(Money.of("9.15", "EUR"));
        assertThat(b.minus(a)).isEqualTo(Money.of("-9.15", "EUR"));
        assertThat(a.times(3)).isEqualTo(Money.of("30.30", "EUR"));
        assertThat(a.times(new BigDecimal("0.19"))).isEqualTo(Money.of("1.92", "EUR"));
        assertThat(a.negate()).isEqualTo(Money.of("-10.10", "EUR"));
        assertThat(a.min(b)).isEqualTo(b);
        assertThat(a.max(b)).isEqualTo(a);
        assertThat(a.minorUnit()).isEqualTo(Money.of("0.01", "EUR"));
        assertThat(Money.of("5", "JPY").minorUnit()).isEqualTo(Money.of("1", "JPY"));
        assertThat(Money.of("5", "KWD").minorUnit()).isEqualTo(Money.of("0.001", "KWD"));
    }

    @Test
    void signs_and_comparisons() {
        assertThat(Money.zero(EUR).isZero()).isTrue();
        assertThat(Money.of("-0.01", "EUR").isNegative()).isTrue();
        assertThat(Money.of("0.01", "EUR").isPositive()).isTrue();
        assertThat(Money.of("0.01", "EUR").isGreaterThan(Money.zero(EUR))).isTrue();
        assertThat(Money.of("0.01", "EUR").isAtMost(Money.of("0.01", "EUR"))).isTrue();
        assertThat(Money.of("0.02", "EUR").isAtMost(Money.of("0.01", "EUR"))).isFalse();
        assertThat(Money.of("1", "EUR").hasCurrency(EUR)).isTrue();
    }

    @Test
    void mixed_currencies_are_refused() {
        Money eur = Money.of("1.00", "EUR");
        Money usd = Money.of("1.00", "USD");

        assertThatThrownBy(() -> eur.plus(usd)).isInstanceOf(CurrencyMismatchException.class).hasMessageContaining("EUR vs USD");
        assertThatThrownBy(() -> eur.minus(usd)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> eur.compareTo(usd)).isInstanceOf(CurrencyMismatchException.class);
        assertThatThrownBy(() -> eur.min(usd)).isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    void currencies_without_a_minor_unit_are_refused() {
        assertThatThrownBy(() -> Money.of("1", "XAU")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("1", "XXX")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nulls_are_refused() {
        assertThatThrownBy(() -> new Money(null, EUR)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void prints_as_plain_amount_and_code() {
        assertThat(Money.of("1E+3", "EUR")).hasToString("1000.00 EUR");
        assertThat(Money.of("1190", "HUF")).hasToString("1190.00 HUF");
    }

    @Test
    void a_typed_amount_is_positive_with_at_most_the_currencys_decimals() {
        assertThat(Money.parsePositive(" 50.00 ", "eur")).contains(Money.of("50.00", "EUR"));
        assertThat(Money.parsePositive("0.01", "EUR")).contains(Money.of("0.01", "EUR"));
        assertThat(Money.parsePositive("12345678901234.50", "USD")).contains(Money.of("12345678901234.50", "USD"));
        assertThat(Money.parsePositive("1", "JPY")).contains(Money.of("1", "JPY"));
        for (String[] refused : new String[][]{{"0", "EUR"}, {"0.00", "EUR"}, {"-1", "EUR"}, {"0.001", "EUR"}, {"1.5", "JPY"},
                {"1,50", "EUR"}, {"abc", "EUR"}, {"", "EUR"}, {"1", "EURO"}, {"1", ""}, {"123456789012345678", "EUR"},
                {null, "EUR"}, {"1", null}}) {
            assertThat(Money.parsePositive(refused[0], refused[1])).as("%s %s", refused[0], refused[1]).isEmpty();
        }
    }
}
