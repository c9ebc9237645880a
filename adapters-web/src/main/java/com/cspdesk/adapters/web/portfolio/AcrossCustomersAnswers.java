package com.cspdesk.adapters.web.portfolio;

import com.cspdesk.adapters.web.activity.ActivityDates;
import com.cspdesk.adapters.web.api.CsvExports;
import com.cspdesk.adapters.web.api.CsvRequests;
import com.cspdesk.adapters.web.api.CsvRows;
import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.problem.Problem;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.application.portfolio.port.in.AcrossCustomersQuery;
import com.cspdesk.application.portfolio.port.in.AcrossCustomersResult;
import com.cspdesk.application.portfolio.port.in.ListAcrossCustomers;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.customer.CustomerRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@code GET /v1/orders} and {@code GET /v1/software} answer alike: the filters read from the query (a
 * malformed date is a 400 naming its parameter; a date alone is that day's start in UTC, as the activity log reads
 * it), a page as Partner Center's collection with a relative next link carrying the same filters, the refusals as
 * problem+json, and the whole filtered result as CSV (checked first, so a refusal is still a problem).
 */
@Singleton
public class AcrossCustomersAnswers {

    private final Problems problems;
    private final ExecutorService blocking;

    AcrossCustomersAnswers(Problems problems, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.problems = problems;
        this.blocking = blocking;
    }

    /** The request's filters by parameter name, in the order the next link writes them; {@code null}: not given. */
    public record Filters(String path, @Nullable String customerId, @Nullable String productId, @Nullable String status,
                          String fromName, @Nullable String from, String toName, @Nullable String to) {

        Map<String, String> given() {
            Map<String, String> given = new LinkedHashMap<>();
            given.put("customerId", customerId);
            given.put("productId", productId);
            given.put("status", status);
            given.put(fromName, from);
            given.put(toName, to);
            given.values().removeIf(value -> value == null || value.isBlank());
            return given;
        }
    }

    /** How a view is written: its JSON item, and its CSV file with its header and lines per row. */
    public record Shape<V>(Function<V, ?> item, String csvFileName, List<String> csvHeader, Function<V, List<List<String>>> csvLines) {
    }

    /**
     * The whole answer of a view's {@code GET}: the format chosen ({@code format} or {@code Accept}), the filters read,
     * then a page or the CSV.
     */
    public <V> HttpResponse<?> answer(HttpRequest<?> request, Authentication caller, Filters filters, @Nullable Integer size,
                                      @Nullable String continuationToken, @Nullable String format, ListAcrossCustomers<V> view,
                                      Shape<V> shape) {
        Optional<Boolean> csv = CsvRequests.wantsCsv(request, format);
        if (csv.isEmpty()) {
            return problems.badField(request, "format_unsupported", "format");
        }
        Parsed parsed = parse(request, filters, csv.get() ? Integer.valueOf(1) : size, continuationToken);
        if (parsed.problem().isPresent()) {
            return parsed.problem().get();
        }
        AcrossCustomersQuery query = parsed.query().orElseThrow();
        Actor actor = Actors.of(caller);
        if (csv.get()) {
            return csv(request, caller, shape.csvFileName(), shape.csvHeader(), () -> view.list(query, actor),
                    sink -> view.forEach(query, actor, sink), shape.csvLines());
        }
        return page(request, caller, filters, query.page().size(), () -> view.list(query, actor), shape.item());
    }

    /** The query, or the 400 that says which filter is malformed. */
    public record Parsed(Optional<AcrossCustomersQuery> query, Optional<HttpResponse<?>> problem) {
    }

    Parsed parse(HttpRequest<?> request, Filters filters, @Nullable Integer size, @Nullable String continuationToken) {
        List<Problem.FieldError> malformed = new ArrayList<>();
        Optional<Instant> from = date(request, filters.fromName(), filters.from(), malformed);
        Optional<Instant> to = date(request, filters.toName(), filters.to(), malformed);
        Optional<CustomerRef> customer = Optional.empty();
        if (filters.customerId() != null && !filters.customerId().isBlank()) {
            customer = CustomerRef.parse(filters.customerId().strip());
            if (customer.isEmpty()) {
                malformed.add(problems.fieldError(request, "customerId", "customer_not_found"));
            }
        }
        if (!malformed.isEmpty()) {
            return new Parsed(Optional.empty(), Optional.of(problems.respond(request,
                    problems.problem(request, HttpStatus.BAD_REQUEST, "validation_failed", malformed))));
        }
        PageRequest page = new PageRequest(size == null ? PageRequest.DEFAULT_SIZE : size,
                ResourceCollection.requestedToken(request, continuationToken));
        return new Parsed(Optional.of(new AcrossCustomersQuery(customer, Optional.ofNullable(filters.productId()),
                Optional.ofNullable(filters.status()), from, to, page)), Optional.empty());
    }

    /** A page as Partner Center's collection, its next link relative to the API root with the same filters. */
    <V> HttpResponse<?> page(HttpRequest<?> request, Authentication caller, Filters filters, int size,
                                    Supplier<AcrossCustomersResult<V>> read, Function<V, ?> item) {
        AcrossCustomersResult<V> result;
        try {
            result = read.get();
        } catch (InvalidContinuationToken invalid) {
            return problems.badField(request, "continuation_token_invalid", "continuationToken");
        }
        Optional<HttpResponse<?>> refusal = refusal(request, caller, result);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        AcrossCustomersResult.Found<V> found = (AcrossCustomersResult.Found<V>) result;
        String next = found.page().continuationToken().map(token -> {
            UriBuilder uri = UriBuilder.of(filters.path());
            filters.given().forEach(uri::queryParam);
            return uri.queryParam("size", size).queryParam("continuationToken", token).toString();
        }).orElse(null);
        return HttpResponse.ok(ResourceCollection.of(found.page().totalCount(),
                found.page().items().stream().map(item).toList(), next)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /**
     * Every row of the query as CSV, one or more lines a row ({@code lines}); the query is checked first ({@code check}:
     * its first page), so a refusal is a problem, not a broken download.
     */
    <V> HttpResponse<?> csv(HttpRequest<?> request, Authentication caller, String fileName, List<String> header,
                                   Supplier<AcrossCustomersResult<V>> check,
                                   Function<Consumer<V>, AcrossCustomersResult<V>> forEach,
                                   Function<V, List<List<String>>> lines) {
        Optional<HttpResponse<?>> refusal;
        try {
            refusal = refusal(request, caller, check.get());
        } catch (InvalidContinuationToken invalid) {
            return problems.badField(request, "continuation_token_invalid", "continuationToken");
        }
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return CsvExports.stream(blocking, fileName, fileName, writer -> {
            CsvRows rows = new CsvRows(writer, header);
            AcrossCustomersResult<V> result = forEach.apply(row -> lines.apply(row).forEach(rows::write));
            if (!(result instanceof AcrossCustomersResult.Found<V>)) {
                throw new IllegalStateException("the export was refused after its check");
            }
            rows.close();
        });
    }

    private <V> Optional<HttpResponse<?>> refusal(HttpRequest<?> request, Authentication caller, AcrossCustomersResult<V> result) {
        if (result instanceof AcrossCustomersResult.Refused<V> refused) {
            return Optional.of(problems.badField(request, refused.reason(), refused.field()));
        }
        if (result instanceof AcrossCustomersResult.NotPermitted<V>) {
            return Optional.of(Refusals.notPermitted(caller));
        }
        return Optional.empty();
    }

    private Optional<Instant> date(HttpRequest<?> request, String field, @Nullable String text, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<Instant> parsed = ActivityDates.parse(text);
        if (parsed.isEmpty()) {
            errors.add(problems.fieldError(request, field, "date_malformed"));
        }
        return parsed;
    }

    /** A CSV cell of any value: empty for none. */
    static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
