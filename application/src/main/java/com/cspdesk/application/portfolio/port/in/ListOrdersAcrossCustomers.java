package com.cspdesk.application.portfolio.port.in;

import com.cspdesk.domain.access.Actor;

import java.util.function.Consumer;

/**
 * {@code GET /v1/orders}: every customer's orders, newest first (creation date, then id), with the
 * {@link AcrossCustomersQuery}'s filters (status: {@code pending|completed|cancelled}; product: an order with
 * a line of it). Needs {@code VIEW_ACROSS_CUSTOMERS}. An unknown continuation token throws
 * {@link com.cspdesk.application.shared.port.in.InvalidContinuationToken}.
 */
public interface ListOrdersAcrossCustomers {

    AcrossCustomersResult<CustomerOrderView> list(AcrossCustomersQuery query, Actor actor);

    /** Every order of the query (its page is ignored), newest first, for the CSV export: streamed, not collected. */
    AcrossCustomersResult<CustomerOrderView> forEach(AcrossCustomersQuery query, Actor actor, Consumer<CustomerOrderView> sink);
}
