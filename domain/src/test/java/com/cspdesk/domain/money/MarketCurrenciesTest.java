package com.cspdesk.domain.money;

import com.cspdesk.domain.market.Market;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.Currency;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MarketCurrenciesTest {

    @ParameterizedTest
    @CsvSource({"HU,HUF", "PL,PLN", "SE,SEK", "TR,TRY", "AU,AUD", "BR,BRL", "GB,GBP", "US,USD", "DE,EUR", "FR,EUR",
            "AT,EUR", "JP,USD", "GL,USD", "XK,EUR"})
    void theDemoMarketsPayInTheirCurrency(String market, String currency) {
        assertThat(MarketCurrencies.defaults().currencyOf(Market.of(market))).isEqualTo(Currency.getInstance(currency));
    }

    @Test
    void configurationCanChangeAMarketsCurrency() {
        MarketCurrencies changed = MarketCurrencies.defaults().with(Map.of(Market.of("JP"), Currency.getInstance("JPY")));
        assertThat(changed.currencyOf(Market.of("JP"))).isEqualTo(Currency.getInstance("JPY"));
        assertThat(changed.currencyOf(Market.of("HU"))).isEqualTo(Currency.getInstance("HUF"));
    }
}
