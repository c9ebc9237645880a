package com.cspdesk.domain.market;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Spec "Azure reservations unavailable markets": Azure reservations cannot be bought in the listed markets.
 *
 * <p>The list is data the operator can change: the policy is built from a base list (by default the
 * spec's table, {@link AzureReservationUnavailableMarkets}) plus markets added to it and markets
 * removed from it by configuration. A market both added and removed counts as removed: removing is
 * the operator's explicit opt-in to selling there, and is refused nowhere else.
 */
public final class AzureReservationAvailability {

    private final Set<Market> unavailable;

    /**
     * @param base    the markets without Azure reservations before configuration (the spec's list by default)
     * @param added   markets configuration adds to the list (for example BR and RU from a newer Microsoft page)
     * @param removed markets configuration takes off the list
     */
    public AzureReservationAvailability(Set<Market> base, Set<Market> added, Set<Market> removed) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(added, "added");
        Objects.requireNonNull(removed, "removed");
        Set<Market> markets = new TreeSet<>(base);
        markets.addAll(added);
        markets.removeAll(removed);
        this.unavailable = Collections.unmodifiableSet(markets);
    }

    /** The spec's list, unchanged. */
    public static AzureReservationAvailability asInSpec() {
        return new AzureReservationAvailability(AzureReservationUnavailableMarkets.markets(), Set.of(), Set.of());
    }

    /** The spec's list with configuration's additions and removals applied. */
    public static AzureReservationAvailability asInSpecWith(Set<Market> added, Set<Market> removed) {
        return new AzureReservationAvailability(AzureReservationUnavailableMarkets.markets(), added, removed);
    }

    /** Whether Azure reservations may be bought in the market. */
    public MarketAvailability check(Market market) {
        Objects.requireNonNull(market, "market");
        return unavailable.contains(market)
                ? MarketAvailability.unavailable(market)
                : MarketAvailability.available(market);
    }

    /** The effective list of markets without Azure reservations, sorted by code. */
    public Set<Market> unavailableMarkets() {
        return unavailable;
    }
}
