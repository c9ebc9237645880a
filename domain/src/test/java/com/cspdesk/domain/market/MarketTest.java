package com.cspdesk.domain.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarketTest {

    @Test
    void codes_are_uppercased() {
        assertThat(Market.of("hu")).isEqualTo(Market.of("HU"));
        assertThat(Market.of(" de ").code()).isEqualTo("DE");
        assertThat(new Market("gb").toString()).isEqualTo("GB");
    }

    @Test
    void every_iso_country_of_the_jdk_is_a_market() {
        for (String code : Locale.getISOCountries()) {
            assertThat(Market.isKnown(code)).as(code).isTrue();
        }
    }

    @Test
    void kosovo_is_a_market_although_the_jdk_does_not_list_it() {
        assertThat(Locale.getISOCountries()).doesNotContain("XK");
        assertThat(Market.of("xk").code()).isEqualTo(Market.KOSOVO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "H", "HUN", "ZZ", "UK", "EU", "X1", "QQ"})
    void unknown_codes_are_refused(String code) {
        assertThatThrownBy(() -> Market.of(code)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Market.parse(code)).isEmpty();
        assertThat(Market.isKnown(code)).isFalse();
    }

    @Test
    void null_is_refused() {
        assertThatThrownBy(() -> Market.of(null)).isInstanceOf(NullPointerException.class);
        assertThat(Market.parse(null)).isEmpty();
    }

    @Test
    void parse_normalizes() {
        assertThat(Market.parse(" pl ")).contains(Market.of("PL"));
    }

    @Test
    void markets_sort_by_code() {
        assertThat(Market.of("HU")).isGreaterThan(Market.of("DE"));
    }
}
