package com.cspdesk.adapters.web.orders;

import com.cspdesk.domain.market.Market;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** market_unavailable names the market in the caller's language. */
class CountryNamesTest {

    @Test
    void theMarketIsNamedInTheCallersLanguage() {
        Market greenland = Market.of("GL");

        assertThat(OrdersController.countryName(greenland, Locale.ENGLISH)).isEqualTo("Greenland");
        assertThat(OrdersController.countryName(greenland, Locale.GERMAN)).isEqualTo("Grönland");
        assertThat(OrdersController.countryName(greenland, Locale.forLanguageTag("hu"))).isEqualTo("Grönland");
        assertThat(OrdersController.countryName(greenland, Locale.forLanguageTag("pl"))).isEqualTo("Grenlandia");
        assertThat(OrdersController.countryName(Market.of("XK"), Locale.ENGLISH)).isEqualTo("Kosovo");
    }
}
