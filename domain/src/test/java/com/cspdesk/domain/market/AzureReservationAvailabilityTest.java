package com.cspdesk.domain.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AzureReservationAvailabilityTest {

    private final AzureReservationAvailability asInSpec = AzureReservationAvailability.asInSpec();

    @ParameterizedTest(name = "Azure reservations are sold in {0}")
    @ValueSource(strings = {"HU", "DE", "AU", "BR", "US", "GB", "PL", "SE", "TR", "FR", "NL", "AT", "JP", "RU", "MO", "CW", "BM"})
    void available_markets(String code) {
        assertThat(asInSpec.check(Market.of(code)).isAvailable()).isTrue();
    }

    @Test
    void configuration_can_add_markets() {
        AzureReservationAvailability policy =
                AzureReservationAvailability.asInSpecWith(Set.of(Market.of("BR"), Market.of("RU")), Set.of());

        assertThat(policy.check(Market.of("BR")).isAvailable()).isFalse();
        assertThat(policy.check(Market.of("RU")).isAvailable()).isFalse();
        assertThat(policy.check(Market.of("CN")).isAvailable()).isFalse();
        assertThat(policy.check(Market.of("HU")).isAvailable()).isTrue();
        assertThat(policy.unavailableMarkets()).hasSize(108);
    }

    @Test
    void configuration_can_remove_markets() {
        AzureReservationAvailability policy = AzureReservationAvailability.asInSpecWith(Set.of(), Set.of(Market.of("CN")));

        assertThat(policy.check(Market.of("CN")).isAvailable()).isTrue();
        assertThat(policy.check(Market.of("YE")).isAvailable()).isFalse();
        assertThat(policy.unavailableMarkets()).hasSize(105);
    }

    @Test
    void removing_wins_over_adding() {
        AzureReservationAvailability policy =
                AzureReservationAvailability.asInSpecWith(Set.of(Market.of("BR")), Set.of(Market.of("BR")));

        assertThat(policy.check(Market.of("BR")).isAvailable()).isTrue();
    }

    @Test
    void any_base_list_can_be_used() {
        AzureReservationAvailability policy = new AzureReservationAvailability(Set.of(Market.of("HU")), Set.of(), Set.of());

        assertThat(policy.check(Market.of("HU"))).isInstanceOf(MarketAvailability.Unavailable.class);
        assertThat(policy.check(Market.of("CN"))).isInstanceOf(MarketAvailability.Available.class);
        assertThat(policy.check(Market.of("CN")).market()).isEqualTo(Market.of("CN"));
    }
}
