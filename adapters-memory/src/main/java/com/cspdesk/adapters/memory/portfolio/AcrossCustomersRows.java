package com.cspdesk.adapters.memory.portfolio;

import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter.Position;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The paging both memory views across customers share: filter, newest first by (date, id), after the cursor. */
final class AcrossCustomersRows {

    private static final Comparator<Position> NEWEST_FIRST = Comparator.comparing(Position::at)
            .thenComparing(Position::id).reversed();

    private AcrossCustomersRows() {
    }

    /** The common filters (customer, date range); {@code matches} adds the view's own (product, status). */
    static <R> List<R> page(Stream<R> rows, AcrossCustomersFilter filter, Function<R, String> tenant,
                            Function<R, Position> position, Predicate<R> matches, Optional<Position> after, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return rows.filter(row -> filter.customerTenantId().map(tenant.apply(row)::equals).orElse(true))
                .filter(row -> inRange(position.apply(row).at(), filter))
                .filter(matches)
                .filter(row -> after.map(cursor -> NEWEST_FIRST.compare(position.apply(row), cursor) > 0).orElse(true))
                .sorted(Comparator.comparing(position, NEWEST_FIRST))
                .limit(limit)
                .toList();
    }

    static String customerName(Customers customers, String tenantId) {
        return customers.byTenantId(tenantId).map(Customers.Customer::companyName).orElse("");
    }

    private static boolean inRange(Instant at, AcrossCustomersFilter filter) {
        return filter.from().map(from -> !at.isBefore(from)).orElse(true)
                && filter.to().map(at::isBefore).orElse(true);
    }
}
