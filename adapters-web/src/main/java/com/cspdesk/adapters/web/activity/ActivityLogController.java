package com.cspdesk.adapters.web.activity;

import com.cspdesk.adapters.web.apidoc.ApiDoc;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.cspdesk.adapters.web.api.Answers;
import com.cspdesk.adapters.web.api.CsvExports;
import com.cspdesk.adapters.web.api.CsvRequests;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.domain.access.Actor;
import io.micronaut.security.authentication.Authentication;
import com.cspdesk.adapters.web.activity.ActivityResponses.ActivityRecordResponse;
import com.cspdesk.adapters.web.activity.ActivityResponses.BrokenLinkResponse;
import com.cspdesk.adapters.web.activity.ActivityResponses.KeyValue;
import com.cspdesk.adapters.web.activity.ActivityResponses.VerificationResponse;
import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.problem.Problem;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.application.activity.port.in.ActivityQuery;
import com.cspdesk.application.activity.port.in.ActivityRecordView;
import com.cspdesk.application.activity.port.in.QueryActivityLog;
import com.cspdesk.application.activity.port.in.VerifyActivityLog;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.PageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * api.md "Activity log" and the spec's "View activity for software key access and software
 * downloads": global admins, account admins, referral admins and marketing content admins read
 * the log (everyone else, admin agents and customers included, 403); JSON pages, or the whole
 * range as CSV with {@code format=csv} or {@code Accept: text/csv}. Global admins can also check
 * that no stored record was changed ({@code /verification}).
 */
@Tag(name = "activity log")
@Controller("/v1/auditrecords")
@ExecuteOn(TaskExecutors.BLOCKING)
class ActivityLogController {

    static final String TEXT_CSV = CsvRequests.TEXT_CSV;
    /** api.md's default range, here only to name the CSV file; the use case applies it. */
    private static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    /** Partner Center's SDK also writes {@code fieldType} (its SimpleFieldFilter); only {@code String} means anything here. */
    private static final Set<String> FILTER_KEYS = Set.of("field", "value", "operator", "fieldType");
    private static final String STRING_FIELD = "String";

    private final QueryActivityLog queryActivityLog;
    private final VerifyActivityLog verifyActivityLog;
    private final JsonMapper json;
    private final Problems problems;
    private final Answers answers;
    private final Clock clock;
    private final ExecutorService blocking;

    ActivityLogController(QueryActivityLog queryActivityLog, VerifyActivityLog verifyActivityLog, JsonMapper json,
                          Problems problems, Answers answers, Clock clock, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.queryActivityLog = queryActivityLog;
        this.verifyActivityLog = verifyActivityLog;
        this.answers = answers;
        this.json = json;
        this.problems = problems;
        this.clock = clock;
        this.blocking = blocking;
    }

    @Operation(summary = "Reads the activity log (Partner Center's audit records: startDate, endDate, filter); CSV with format=csv",
            description = "filter is one {field, value, operator} object, as Partner Center takes it, or an array of them on"
                    + " different fields that must all match (for example OperationKind, UserPrincipalName and CustomerId).")
    @ApiResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {
            ResourceCollection.class, ActivityResponses.ActivityRecordItems.class})),
        @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @Get(produces = {MediaType.APPLICATION_JSON, TEXT_CSV, "application/problem+json"}, headRoute = false)
    @RequiresPermission(Permission.READ_ACTIVITY_LOG)
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller,
                         @QueryValue @Nullable @Size(max = 64) String startDate,
                         @QueryValue @Nullable @Size(max = 64) String endDate,
                         @QueryValue @Nullable @Size(max = 2048) String filter,
                         @QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
                         @QueryValue @Nullable @Size(max = 1024) String continuationToken,
                         @QueryValue @Nullable @Size(max = 16) String format) {
        Optional<Boolean> csv = CsvRequests.wantsCsv(request, format);
        if (csv.isEmpty()) {
            return invalid(request, "format_unsupported", "format");
        }
        List<Problem.FieldError> malformed = new ArrayList<>();
        Optional<Instant> start = date(request, "startDate", startDate, malformed);
        Optional<Instant> end = date(request, "endDate", endDate, malformed);
        if (!malformed.isEmpty()) {
            return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, "validation_failed", malformed));
        }
        List<ActivityQuery.Filter> parsedFilter;
        try {
            parsedFilter = filter(filter);
        } catch (IllegalArgumentException notAFilter) {
            return invalid(request, "filter_invalid", "filter");
        }
        if (csv.get()) {
            return export(request, caller, new ActivityQuery(start, end, parsedFilter, PageRequest.first(1)));
        }
        int pageSize = size == null ? PageRequest.DEFAULT_SIZE : size;
        ActivityQuery query = new ActivityQuery(start, end, parsedFilter,
                new PageRequest(pageSize, ResourceCollection.requestedToken(request, continuationToken)));
        QueryActivityLog.QueryResult result;
        try {
            result = queryActivityLog.query(query, Actors.of(caller));
        } catch (InvalidContinuationToken invalid) {
            return invalid(request, "continuation_token_invalid", "continuationToken");
        }
        if (result instanceof QueryActivityLog.Refused refused) {
            return refusal(request, refused);
        }
        if (result instanceof QueryActivityLog.NotPermitted) {
            return Refusals.notPermitted(caller);
        }
        QueryActivityLog.Found found = (QueryActivityLog.Found) result;
        String next = found.page().continuationToken().map(token -> {
            UriBuilder uri = UriBuilder.of("/v1/auditrecords");
            if (startDate != null) {
                uri.queryParam("startDate", startDate);
            }
            if (endDate != null) {
                uri.queryParam("endDate", endDate);
            }
            if (filter != null) {
                uri.queryParam("filter", filter);
            }
            return uri.queryParam("size", pageSize).queryParam("continuationToken", token).toString();
        }).orElse(null);
        return HttpResponse.ok(ResourceCollection.of(found.page().totalCount(),
                found.page().items().stream().map(ActivityLogController::response).toList(), next))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Operation(summary = "Checks that no stored record of the log was changed (its hash chains)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ActivityResponses.VerificationResponse.class)))
    @Get("/verification")
    @RequiresPermission(Permission.READ_ACTIVITY_LOG)
    HttpResponse<?> verify(HttpRequest<?> request, Authentication caller) {
        return answers.of(request, caller, verifyActivityLog.verify(Actors.of(caller)), verification -> {
            BrokenLinkResponse broken = verification.firstBrokenLink()
                    .map(link -> new BrokenLinkResponse(link.recordId(), link.chain(), link.sequence(), link.reason()))
                    .orElse(null);
            return HttpResponse.ok(new VerificationResponse(verification.recordsChecked(), verification.chainsChecked(),
                    broken == null, broken)).header(HttpHeaders.CACHE_CONTROL, "no-store");
        });
    }

    /**
     * The whole range as CSV, streamed: the query is checked first (a refusal is still a 400
     * problem), then the records are written on another thread as the database hands them over,
     * through a bounded pipe, so the export never sits in memory whole.
     */
    private HttpResponse<?> export(HttpRequest<?> request, Authentication caller, ActivityQuery query) {
        Actor actor = Actors.of(caller);
        QueryActivityLog.QueryResult checked = queryActivityLog.query(query, actor);
        if (checked instanceof QueryActivityLog.Refused refused) {
            return refusal(request, refused);
        }
        if (checked instanceof QueryActivityLog.NotPermitted) {
            return Refusals.notPermitted(caller);
        }
        Instant end = query.endDate().orElseGet(clock::instant);
        Instant start = query.startDate().orElse(end.minus(DEFAULT_RANGE));
        String fileName = "activity-log-" + day(start) + "-" + day(end) + ".csv";
        return CsvExports.stream(blocking, "Activity log", fileName, writer -> {
            ActivityCsv csv = new ActivityCsv(writer);
            QueryActivityLog.QueryResult result = queryActivityLog.forEach(query, actor, record -> {
                try {
                    csv.write(record);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!(result instanceof QueryActivityLog.Found)) {
                throw new IllegalStateException("the export was refused after its check");
            }
            csv.close();
        });
    }

    private static String day(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
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

    /**
     * {@code {"field": …, "value": …, "operator": …}} (and {@code "fieldType": "String"}, as PC's SDK sends it)
     * with string values only, or an array of such objects (every one must match); anything else is not a filter.
     */
    private List<ActivityQuery.Filter> filter(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (text.strip().startsWith("[")) {
            List<Map<String, Object>> parsed;
            try {
                parsed = json.readValue(bytes, Argument.listOf(Argument.mapOf(String.class, Object.class)));
            } catch (IOException | RuntimeException notJson) {
                throw new IllegalArgumentException("not a JSON array of objects");
            }
            if (parsed == null || parsed.isEmpty()) {
                throw new IllegalArgumentException("an empty array");
            }
            return parsed.stream().map(ActivityLogController::filter).toList();
        }
        Map<String, Object> parsed;
        try {
            parsed = json.readValue(bytes, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException notJson) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return List.of(filter(parsed));
    }

    private static ActivityQuery.Filter filter(@Nullable Map<String, Object> parsed) {
        if (parsed == null || !FILTER_KEYS.containsAll(parsed.keySet())) {
            throw new IllegalArgumentException("unknown keys");
        }
        for (Object value : parsed.values()) {
            if (value != null && !(value instanceof String)) {
                throw new IllegalArgumentException("values are strings");
            }
        }
        Object fieldType = parsed.get("fieldType");
        if (fieldType != null && !STRING_FIELD.equalsIgnoreCase((String) fieldType)) {
            throw new IllegalArgumentException("every field is a string");
        }
        return new ActivityQuery.Filter((String) parsed.get("field"), (String) parsed.get("value"), (String) parsed.get("operator"));
    }

    private MutableHttpResponse<?> refusal(HttpRequest<?> request, QueryActivityLog.Refused refused) {
        return invalid(request, refused.reason(), refused.field() == null ? null : refused.field());
    }

    private MutableHttpResponse<?> invalid(HttpRequest<?> request, String code, @Nullable String field) {
        List<Problem.FieldError> errors = field == null ? List.of() : List.of(problems.fieldError(request, field, code));
        return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, code, errors));
    }

    static ActivityRecordResponse response(ActivityRecordView view) {
        List<KeyValue> data = view.customizedData() == null ? List.of()
                : view.customizedData().entrySet().stream().map(e -> new KeyValue(e.getKey(), e.getValue())).toList();
        return new ActivityRecordResponse(view.id(), view.operationDate(), view.operationType(), view.operationKind(),
                view.operationStatus(), view.userPrincipalName(), view.applicationId(), view.customerId(), view.customerName(),
                view.resourceType(), view.resourceKind(), view.resourceId(), data);
    }
}
