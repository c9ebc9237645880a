package com.cspdesk.application.portfolio;

import com.cspdesk.application.customers.VisibleCustomers;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.portfolio.port.in.AcrossCustomersQuery;
import com.cspdesk.application.portfolio.port.in.AcrossCustomersResult;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter;
import com.cspdesk.application.portfolio.port.out.AcrossCustomersFilter.Position;
import com.cspdesk.application.shared.ContinuationTokens;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What both views across customers do alike: the permission, the filters checked (a customer named by tenant id
 * or domain must exist, a status must be one of the view's, a range must not end before it starts), and keyset
 * pages newest first — a page of {@code size + 1} rows says whether there is a next one; the export reads the
 * same pages one after another, so it never holds more than one.
 */
final class AcrossCustomersPaging<R, V> {

    static final String CUSTOMER_FIELD = "customerId";
    static final String STATUS_FIELD = "status";
    private static final int EXPORT_BATCH = 500;

    /** The port's read of one page. */
    interface Rows<R> {
        List<R> page(AcrossCustomersFilter filter, Optional<Position> after, int limit);
    }

    private final String tokenKind;
    private final Set<String> statuses;
    private final String rangeEndField;
    private final Rows<R> rows;
    private final Function<R, Position> position;
    private final Function<R, V> view;
    private final VisibleCustomers visibleCustomers;

    AcrossCustomersPaging(String tokenKind, Set<String> statuses, String rangeEndField, Rows<R> rows,
                          Function<R, Position> position, Function<R, V> view, Customers customers) {
        this.tokenKind = tokenKind;
        this.statuses = Set.copyOf(statuses);
        this.rangeEndField = rangeEndField;
        this.rows = rows;
        this.position = position;
        this.view = view;
        this.visibleCustomers = new VisibleCustomers(customers);
    }

    AcrossCustomersResult<V> list(AcrossCustomersQuery query, Actor actor) {
        Checked<V> checked = check(query, actor);
        if (checked.refusal().isPresent()) {
            return checked.refusal().get();
        }
        int size = query.page().size();
        Optional<Position> after = query.page().continuationToken().map(this::position);
        List<R> read = rows.page(checked.filter(), after, size + 1);
        boolean more = read.size() > size;
        List<R> shown = more ? read.subList(0, size) : read;
        Optional<String> next = more ? Optional.of(token(position.apply(shown.get(size - 1)))) : Optional.empty();
        return new AcrossCustomersResult.Found<>(new Page<>(shown.stream().map(view).toList(), shown.size(), next));
    }

    AcrossCustomersResult<V> forEach(AcrossCustomersQuery query, Actor actor, Consumer<V> sink) {
        Checked<V> checked = check(query, actor);
        if (checked.refusal().isPresent()) {
            return checked.refusal().get();
        }
        Optional<Position> after = Optional.empty();
        long total = 0;
        while (true) {
            List<R> batch = rows.page(checked.filter(), after, EXPORT_BATCH);
            batch.forEach(row -> sink.accept(view.apply(row)));
            total += batch.size();
            if (batch.size() < EXPORT_BATCH) {
                break;
            }
            after = Optional.of(position.apply(batch.get(batch.size() - 1)));
        }
        return new AcrossCustomersResult.Found<>(new Page<>(List.of(), total, Optional.empty()));
    }

    private Checked<V> check(AcrossCustomersQuery query, Actor actor) {
        if (!actor.may(Permission.VIEW_ACROSS_CUSTOMERS)) {
            return refused(new AcrossCustomersResult.NotPermitted<>(Permission.VIEW_ACROSS_CUSTOMERS));
        }
        Optional<String> status = query.status().map(code -> code.toLowerCase(Locale.ROOT));
        if (status.isPresent() && !statuses.contains(status.get())) {
            return refused(new AcrossCustomersResult.Refused<>("status_filter_invalid", STATUS_FIELD));
        }
        if (query.from().isPresent() && query.to().isPresent() && !query.from().get().isBefore(query.to().get())) {
            return refused(new AcrossCustomersResult.Refused<>("date_filter_range_invalid", rangeEndField));
        }
        Optional<String> tenant = Optional.empty();
        if (query.customer().isPresent()) {
            Optional<Customers.Customer> customer = visibleCustomers.resolve(query.customer().get(), actor);
            if (customer.isEmpty()) {
                return refused(new AcrossCustomersResult.Refused<>(VisibleCustomers.NOT_FOUND, CUSTOMER_FIELD));
            }
            tenant = Optional.of(customer.get().tenantId());
        }
        return new Checked<>(new AcrossCustomersFilter(tenant, query.productId(), status, query.from(), query.to()),
                Optional.empty());
    }

    private static <V> Checked<V> refused(AcrossCustomersResult<V> refusal) {
        return new Checked<>(null, Optional.of(refusal));
    }

    private String token(Position last) {
        return ContinuationTokens.encode(tokenKind, last.at().toString(), last.id());
    }

    private Position position(String token) {
        List<String> values = ContinuationTokens.decode(tokenKind, 2, token);
        try {
            return new Position(Instant.parse(values.get(0)), values.get(1));
        } catch (DateTimeParseException e) {
            throw new InvalidContinuationToken();
        }
    }

    private record Checked<V>(AcrossCustomersFilter filter, Optional<AcrossCustomersResult<V>> refusal) {
    }
}
