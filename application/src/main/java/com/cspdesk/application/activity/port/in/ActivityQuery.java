package com.cspdesk.application.activity.port.in;

import com.cspdesk.application.shared.port.in.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * api.md "Activity log": a date range (default the last 30 days; a start more than 90 days back
 * is refused) and filters on CustomerId, CompanyName, ResourceType or OperationType (Partner Center's
 * names), ResourceKind, OperationKind or UserPrincipalName (ours), each with operator equals or
 * substring. Partner Center takes one filter; several (each on another field) must all match, as
 * the dashboard's kind, user and customer together (issue #17).
 */
public record ActivityQuery(Optional<Instant> startDate, Optional<Instant> endDate, List<Filter> filters,
                            PageRequest page) {

    public ActivityQuery {
        filters = List.copyOf(filters);
    }

    /** At most one filter, as Partner Center's API takes it. */
    public ActivityQuery(Optional<Instant> startDate, Optional<Instant> endDate, Optional<Filter> filter, PageRequest page) {
        this(startDate, endDate, filter.map(List::of).orElse(List.of()), page);
    }

    public record Filter(String field, String value, String operator) {
    }
}
