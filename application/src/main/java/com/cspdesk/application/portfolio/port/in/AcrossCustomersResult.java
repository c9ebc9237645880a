package com.cspdesk.application.portfolio.port.in;

import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.domain.access.Permission;

/**
 * The answer of a view across customers: a page, a filter refused, or not permitted.
 * {@code totalCount} of a page is the number of its items (as Partner Center's paged collections
 * say it): counting a million orders would cost more than the page.
 */
public sealed interface AcrossCustomersResult<T> {

    record Found<T>(Page<T> page) implements AcrossCustomersResult<T> {
    }

    /**
     * {@code reason}: {@code customer_not_found} (no customer has that tenant id or domain),
     * {@code status_filter_invalid}, {@code date_filter_range_invalid} (the range ends before it starts);
     * {@code field} names the filter.
     */
    record Refused<T>(String reason, String field) implements AcrossCustomersResult<T> {
    }

    /** The table does not grant {@code VIEW_ACROSS_CUSTOMERS}; nothing was read. */
    record NotPermitted<T>(Permission permission) implements AcrossCustomersResult<T> {
    }
}
