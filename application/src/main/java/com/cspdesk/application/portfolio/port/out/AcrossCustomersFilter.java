package com.cspdesk.application.portfolio.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * What a view across customers reads: each filter optional; {@code status} as stored (an order's or a software
 * line's status code); {@code from <= date < to}.
 */
public record AcrossCustomersFilter(Optional<String> customerTenantId, Optional<String> productId,
                                    Optional<String> status, Optional<Instant> from, Optional<Instant> to) {

    public static AcrossCustomersFilter none() {
        return new AcrossCustomersFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** Newest first: a row's date and id, both descending. */
    public record Position(Instant at, String id) {
    }
}
