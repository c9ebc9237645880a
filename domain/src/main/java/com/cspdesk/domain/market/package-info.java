/**
 * Markets: the country a customer buys in (ISO 3166-1 alpha-2) and where Azure reservations
 * may not be sold. Spec section "Azure reservations unavailable markets" lives here as data
 * ({@link com.cspdesk.domain.market.AzureReservationUnavailableMarkets}) and as a policy
 * ({@link com.cspdesk.domain.market.AzureReservationAvailability}).
 * Depends on nothing but the JDK.
 */
package com.cspdesk.domain.market;
