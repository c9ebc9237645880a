package com.cspdesk.adapters.web.catalog;

import com.cspdesk.domain.money.Money;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyJsonTest {

    @Test
    void theAmountIsAStringWithTheCurrencysDigits() {
        assertThat(MoneyJson.of(Money.of("1190", "EUR"))).isEqualTo(new MoneyJson("1190.00", "EUR"));
        assertThat(MoneyJson.of(Money.of("386000", "HUF"))).isEqualTo(new MoneyJson("386000.00", "HUF"));
        assertThat(MoneyJson.of(Money.of("1500", "JPY"))).isEqualTo(new MoneyJson("1500", "JPY"));
        assertThat(MoneyJson.of(Money.of("0.125", "KWD"))).isEqualTo(new MoneyJson("0.125", "KWD"));
    }

    @Test
    void largeAmountsAreNeverWrittenInExponentNotation() {
        Money large = Money.of(new BigDecimal("1E+7"), Currency.getInstance("AUD"));

        assertThat(MoneyJson.of(large).amount()).isEqualTo("10000000.00");
    }

    @Test
    void serialisesAsAJsonStringNotANumber() throws IOException {
        String json = ObjectMapper.getDefault().writeValueAsString(MoneyJson.of(Money.of("123.45", "EUR")));

        assertThat(json).isEqualTo("{\"amount\":\"123.45\",\"currency\":\"EUR\"}");
    }
}
