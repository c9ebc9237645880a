package com.cspdesk.domain.money;

import static org.assertj.core.api.Assertions.assertThat;

import com.cspdesk.domain.market.Market;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TaxInclusiveMarketsTest {

    @Test
    void australia_and_brazil_include_tax_as_the_spec_says() {
        TaxInclusiveMarkets markets = TaxInclusiveMarkets.asInSpec();

        assertThat(markets.includesTax(Market.of("AU"))).isTrue();
        assertThat(markets.includesTax(Market.of("BR"))).isTrue();
        assertThat(markets.includesTax(Market.of("HU"))).isFalse();
        assertThat(markets.includesTax(Market.of("US"))).isFalse();
        assertThat(markets.markets()).containsExactly(Market.of("AU"), Market.of("BR"));
    }

    @Test
    void the_set_is_configuration() {
        TaxInclusiveMarkets markets = new TaxInclusiveMarkets(Set.of(Market.of("NZ")));

        assertThat(markets.includesTax(Market.of("NZ"))).isTrue();
        assertThat(markets.includesTax(Market.of("AU"))).isFalse();
    }
}
