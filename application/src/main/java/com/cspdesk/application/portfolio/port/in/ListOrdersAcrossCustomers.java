package com.cspdesk.application.portfolio.port.in;

/**
 * {@code GET /v1/orders}: every customer's orders, newest first (creation date, then id), with the
 * {@link AcrossCustomersQuery}'s filters (status: {@code pending|completed|cancelled}; product: an order with
 * a line of it). Needs {@code VIEW_ACROSS_CUSTOMERS}. An unknown continuation token throws
 * {@link com.cspdesk.application.shared.port.in.InvalidContinuationToken}.
 */
public interface ListOrdersAcrossCustomers extends ListAcrossCustomers<CustomerOrderView> {
}
