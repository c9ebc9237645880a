package com.cspdesk.application.activity.port.in;

import com.cspdesk.application.shared.port.in.PageRequest;

import java.time.Instant;
import java.util.Optional;

/**
 * api.md "Activity log": a date range (default the last 30 days; a start more than 90 days back
 * is refused) and at most one filter on CustomerId, CompanyName, ResourceType or OperationType
 * (Partner Center's names), ResourceKind or OperationKind (ours), with operator equals or substring.
 */
public record ActivityQuery(Optional<Instant> startDate, Optional<Instant> endDate, Optional<Filter> filter,
                            PageRequest page) {

    public record Filter(String field, String value, String operator) {
    }
}
