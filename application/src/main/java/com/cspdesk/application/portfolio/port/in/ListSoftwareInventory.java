package com.cspdesk.application.portfolio.port.in;

import com.cspdesk.domain.access.Actor;

import java.util.function.Consumer;

/**
 * {@code GET /v1/software}, the licence inventory: every customer's software lines, newest purchase first
 * (purchase date, then id), with the {@link AcrossCustomersQuery}'s filters (status: {@code active|cancelled}).
 * Needs {@code VIEW_ACROSS_CUSTOMERS}. An unknown continuation token throws
 * {@link com.cspdesk.application.shared.port.in.InvalidContinuationToken}.
 */
public interface ListSoftwareInventory {

    AcrossCustomersResult<CustomerSoftwareView> list(AcrossCustomersQuery query, Actor actor);

    /** Every line of the query (its page is ignored), newest first, for the CSV export: streamed, not collected. */
    AcrossCustomersResult<CustomerSoftwareView> forEach(AcrossCustomersQuery query, Actor actor,
                                                        Consumer<CustomerSoftwareView> sink);
}
