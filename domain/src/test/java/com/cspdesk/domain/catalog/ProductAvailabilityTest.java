package com.cspdesk.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.domain.market.AzureReservationAvailability;
import com.cspdesk.domain.market.AzureReservationUnavailableMarkets;
import com.cspdesk.domain.market.Market;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProductAvailabilityTest {

    private final ProductAvailability availability = ProductAvailability.asInSpec();

    /** Every entry of the spec's table (its verbatim names are checked in the market package's test). */
    static Stream<Arguments> specTable() {
        return AzureReservationUnavailableMarkets.bySpecName().entrySet().stream()
                .map(entry -> Arguments.of(entry.getKey(), entry.getValue()));
    }

    @ParameterizedTest(name = "{0}: no Azure reservations, other kinds sold")
    @MethodSource("specTable")
    void in_the_spec_markets_only_azure_reservations_are_unavailable(String specName, Market market) {
        for (ProductKind kind : ProductKind.values()) {
            assertThat(availability.check(kind, market).isAvailable())
                    .as("%s in %s (%s)", kind, specName, market)
                    .isEqualTo(!kind.isAzureReservation());
        }
    }

    @ParameterizedTest(name = "everything is sold in {0}")
    @ValueSource(strings = {"HU", "DE", "AU", "BR", "US", "GB", "PL", "SE", "TR"})
    void available_markets_sell_every_kind(String code) {
        assertThat(Arrays.stream(ProductKind.values()).map(kind -> availability.check(kind, Market.of(code)).isAvailable()))
                .containsOnly(true);
    }

    @Test
    void configured_lists_are_followed() {
        ProductAvailability configured = new ProductAvailability(
                AzureReservationAvailability.asInSpecWith(Set.of(Market.of("BR")), Set.of()));

        assertThat(configured.check(ProductKind.AZURE_RESERVATION_VM, Market.of("BR")).isAvailable()).isFalse();
        assertThat(configured.check(ProductKind.PERPETUAL_SOFTWARE, Market.of("BR")).isAvailable()).isTrue();
    }
}
