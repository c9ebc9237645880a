package com.cspdesk.domain.money;

import com.cspdesk.domain.market.Market;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Spec "Buy software subscriptions on behalf of customers" step 3: prices exclude tax, except in Australia and Brazil where they include it.
 *
 * <p>The set is data, so configuration can change it; {@link #asInSpec()} is AU and BR.
 */
public final class TaxInclusiveMarkets {

    private final Set<Market> markets;

    public TaxInclusiveMarkets(Set<Market> markets) {
        this.markets = Collections.unmodifiableSet(new TreeSet<>(Objects.requireNonNull(markets, "markets")));
    }

    /** Australia and Brazil, as the spec says. */
    public static TaxInclusiveMarkets asInSpec() {
        return new TaxInclusiveMarkets(Set.of(Market.of("AU"), Market.of("BR")));
    }

    /** Whether list prices in the market already include tax. */
    public boolean includesTax(Market market) {
        return markets.contains(Objects.requireNonNull(market, "market"));
    }

    public Set<Market> markets() {
        return markets;
    }
}
