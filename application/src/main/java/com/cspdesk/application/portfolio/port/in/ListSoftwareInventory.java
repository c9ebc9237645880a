package com.cspdesk.application.portfolio.port.in;

/**
 * {@code GET /v1/software}, the licence inventory: every customer's software lines, newest purchase first
 * (purchase date, then id), with the {@link AcrossCustomersQuery}'s filters (status: {@code active|cancelled}).
 * Needs {@code VIEW_ACROSS_CUSTOMERS}. An unknown continuation token throws
 * {@link com.cspdesk.application.shared.port.in.InvalidContinuationToken}.
 */
public interface ListSoftwareInventory extends ListAcrossCustomers<CustomerSoftwareView> {
}
