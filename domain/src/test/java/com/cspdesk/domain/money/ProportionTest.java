package com.cspdesk.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProportionTest {

    @Test
    void applies_once_and_rounds_half_up() {
        assertThat(Proportion.of(320, 365).applyTo(Money.of("1190.00", "EUR"))).isEqualTo(Money.of("1043.29", "EUR"));
        assertThat(Proportion.of(1, 2).applyTo(Money.of("0.01", "EUR"))).isEqualTo(Money.of("0.01", "EUR"));
        assertThat(Proportion.of(1, 3).applyTo(Money.of("1.00", "EUR"))).isEqualTo(Money.of("0.33", "EUR"));
        assertThat(Proportion.of(2, 3).applyTo(Money.of("1.00", "EUR"))).isEqualTo(Money.of("0.67", "EUR"));
        assertThat(Proportion.ALL.applyTo(Money.of("7", "JPY"))).isEqualTo(Money.of("7", "JPY"));
        assertThat(Proportion.NONE.applyTo(Money.of("7", "JPY"))).isEqualTo(Money.of("0", "JPY"));
    }

    @Test
    void complement_and_flags() {
        assertThat(Proportion.of(45, 365).complement()).isEqualTo(Proportion.of(320, 365));
        assertThat(Proportion.of(3, 3).isAll()).isTrue();
        assertThat(Proportion.of(0, 3).isNone()).isTrue();
        assertThat(Proportion.of(1, 3)).hasToString("1/3");
    }

    @Test
    void only_shares_between_none_and_all() {
        assertThatThrownBy(() -> Proportion.of(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proportion.of(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Proportion.of(3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
