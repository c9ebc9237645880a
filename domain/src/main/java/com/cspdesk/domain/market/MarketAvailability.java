package com.cspdesk.domain.market;

import java.util.Objects;

/** The answer to "may this be sold in this market?": available, or unavailable with a stable code. */
public sealed interface MarketAvailability {

    /** Stable machine code of a refusal (matches the API's problem code). */
    String MARKET_UNAVAILABLE = "market_unavailable";

    Market market();

    boolean isAvailable();

    static MarketAvailability available(Market market) {
        return new Available(market);
    }

    static MarketAvailability unavailable(Market market) {
        return new Unavailable(market);
    }

    /** May be sold here. */
    record Available(Market market) implements MarketAvailability {
        public Available {
            Objects.requireNonNull(market, "market");
        }

        @Override
        public boolean isAvailable() {
            return true;
        }
    }

    /** May not be sold here; {@link #code()} is {@value MarketAvailability#MARKET_UNAVAILABLE}. */
    record Unavailable(Market market) implements MarketAvailability {
        public Unavailable {
            Objects.requireNonNull(market, "market");
        }

        @Override
        public boolean isAvailable() {
            return false;
        }

        public String code() {
            return MARKET_UNAVAILABLE;
        }
    }
}
