package com.cspdesk.application.portfolio.port.in;

import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.customer.CustomerRef;

import java.time.Instant;
import java.util.Optional;

/**
 * The filters of a view across customers, each optional: one customer (tenant id or domain), one product,
 * one status (the view's codes: an order's {@code pending|completed|cancelled}, a software line's
 * {@code active|cancelled}), and a date range {@code from <= date < to} (the order's creation, the software's
 * purchase). Newest first.
 */
public record AcrossCustomersQuery(Optional<CustomerRef> customer, Optional<String> productId, Optional<String> status,
                                   Optional<Instant> from, Optional<Instant> to, PageRequest page) {

    public AcrossCustomersQuery {
        productId = productId.map(String::strip).filter(id -> !id.isEmpty());
        status = status.map(String::strip).filter(code -> !code.isEmpty());
    }

    /** No filter, the first page of the default size. */
    public static AcrossCustomersQuery everything() {
        return new AcrossCustomersQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), PageRequest.first(PageRequest.DEFAULT_SIZE));
    }
}
