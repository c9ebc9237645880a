package com.cspdesk.application.portfolio.port.in;

/**
 * {@code GET /v1/subscriptions} (issue #16): every customer's subscriptions, the soonest term end first (term end,
 * then id) — what renews or expires next at the top — with the {@link AcrossCustomersQuery}'s filters (status:
 * {@code active|expired|cancelled}; the date range is the term end's, so "renewals due in 30 days" is active with a
 * term end from now to 30 days on). Needs {@code VIEW_ACROSS_CUSTOMERS}. An unknown continuation token throws
 * {@link com.cspdesk.application.shared.port.in.InvalidContinuationToken}.
 */
public interface ListSubscriptionsAcrossCustomers extends ListAcrossCustomers<CustomerSubscriptionView> {
}
