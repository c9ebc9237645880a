/**
 * Issue #16 item 2 "Reservations provisioned": where an Azure reservation applies once bought — the
 * customer's Azure subscription and the scope ({@link com.cspdesk.domain.reservation.ReservationScope}:
 * {@code shared}, or {@code single} with a resource group), as Partner Center's order line
 * {@code provisioningContext} carries it. {@link com.cspdesk.domain.reservation.ReservationProvisioningPolicy}
 * decides whether a line's context (or a later scope change) is valid.
 * Depends on {@code catalog}.
 */
package com.cspdesk.domain.reservation;
