package com.cspdesk.adapters.web.invoices;

import com.cspdesk.adapters.web.api.Answers;
import com.cspdesk.adapters.web.api.CsvExports;
import com.cspdesk.adapters.web.api.CsvRequests;
import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.apidoc.ApiDoc;
import com.cspdesk.adapters.web.catalog.MoneyJson;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.application.invoicing.port.in.InvoiceViews;
import com.cspdesk.application.invoicing.port.in.ReadReconciliation;
import com.cspdesk.application.invoicing.port.in.ReadUnbilled;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.apache.commons.csv.CSVPrinter;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

/**
 * What billing teams reconcile with (issue #16 item 7): the charges and credits no invoice has taken yet
 * ({@code GET /v1/invoices/unbilled}, with the totals per currency) and the invoiced line items of a date
 * range ({@code GET /v1/invoices/reconciliation?startDate&endDate}), as JSON pages or, with
 * {@code format=csv}, the whole of it as one CSV in the invoice document's columns, streamed.
 */
@Tag(name = "invoices")
@Controller("/v1/invoices")
@ExecuteOn(TaskExecutors.BLOCKING)
class BillingViewsController {

    private static final String TEXT_CSV = CsvRequests.TEXT_CSV;
    /** The CSV export reads the items in pages of this many. */
    private static final int EXPORT_PAGE = PageRequest.MAX_SIZE;

    private final ReadUnbilled readUnbilled;
    private final ReadReconciliation readReconciliation;
    private final Problems problems;
    private final Answers answers;
    private final ExecutorService blocking;

    BillingViewsController(ReadUnbilled readUnbilled, ReadReconciliation readReconciliation, Problems problems, Answers answers,
                           @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.readUnbilled = readUnbilled;
        this.readReconciliation = readReconciliation;
        this.problems = problems;
        this.answers = answers;
        this.blocking = blocking;
    }

    @Operation(summary = "The charges and credits no invoice has taken yet, with the totals per currency; CSV with format=csv")
    @ApiResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UnbilledResponse.class)), @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @Get(value = "/unbilled", produces = {MediaType.APPLICATION_JSON, TEXT_CSV, "application/problem+json"})
    @RequiresPermission(Permission.RECONCILE_BILLING)
    HttpResponse<?> unbilled(HttpRequest<?> request, Authentication caller,
                             @QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
                             @QueryValue @Nullable @Size(max = 1024) String continuationToken,
                             @QueryValue @Nullable @Size(max = 8) String format) {
        Optional<Boolean> csv = CsvRequests.wantsCsv(request, format);
        if (csv.isEmpty()) {
            return problems.badField(request, "format_unsupported", "format");
        }
        Actor actor = Actors.of(caller);
        if (csv.get()) {
            return export(caller, "unbilled.csv", readUnbilled.unbilled(PageRequest.first(1), actor).map(u -> u.items()),
                    token -> readUnbilled.unbilled(new PageRequest(EXPORT_PAGE, token), actor).map(ReadUnbilled.Unbilled::items));
        }
        int pageSize = size == null ? PageRequest.DEFAULT_SIZE : size;
        Lookup<ReadUnbilled.Unbilled> page;
        try {
            page = readUnbilled.unbilled(new PageRequest(pageSize, ResourceCollection.requestedToken(request, continuationToken)), actor);
        } catch (InvalidContinuationToken invalid) {
            return problems.badField(request, "continuation_token_invalid", "continuationToken");
        }
        return answers.of(request, caller, page, unbilled -> {
            ResourceCollection<ItemResponse> items = collection(unbilled.items(), pageSize, "/v1/invoices/unbilled", Map.of());
            return HttpResponse.ok(new UnbilledResponse(items.totalCount(), items.items(), items.links(),
                    unbilled.totals().stream().map(BillingViewsController::totals).toList()));
        });
    }

    @Operation(summary = "Invoiced line items that occurred from startDate to endDate (UTC days), with their invoice; CSV with format=csv")
    @ApiResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(allOf = {ResourceCollection.class, ReconciliationItems.class})),
            @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @Get(value = "/reconciliation", produces = {MediaType.APPLICATION_JSON, TEXT_CSV, "application/problem+json"})
    @RequiresPermission(Permission.RECONCILE_BILLING)
    HttpResponse<?> reconciliation(HttpRequest<?> request, Authentication caller,
                                   @QueryValue @Nullable @Size(max = 10) String startDate,
                                   @QueryValue @Nullable @Size(max = 10) String endDate,
                                   @QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
                                   @QueryValue @Nullable @Size(max = 1024) String continuationToken,
                                   @QueryValue @Nullable @Size(max = 8) String format) {
        Optional<LocalDate> from = day(startDate);
        if (from.isEmpty()) {
            return problems.badField(request, "reconciliation_date_invalid", "startDate");
        }
        Optional<LocalDate> to = day(endDate);
        if (to.isEmpty()) {
            return problems.badField(request, "reconciliation_date_invalid", "endDate");
        }
        Optional<ReadReconciliation.Period> period = ReadReconciliation.Period.of(from.get(), to.get());
        if (period.isEmpty()) {
            int days = ReadReconciliation.Period.MAX_DAYS;
            return problems.respond(request, problems.problem(request, io.micronaut.http.HttpStatus.BAD_REQUEST,
                    "reconciliation_range_invalid", List.of(problems.fieldError(request, "endDate", "reconciliation_range_invalid", days)),
                    days));
        }
        Optional<Boolean> csv = CsvRequests.wantsCsv(request, format);
        if (csv.isEmpty()) {
            return problems.badField(request, "format_unsupported", "format");
        }
        Actor actor = Actors.of(caller);
        if (csv.get()) {
            return export(caller, "reconciliation-" + from.get() + "-" + to.get() + ".csv",
                    readReconciliation.lines(period.get(), PageRequest.first(1), actor),
                    token -> readReconciliation.lines(period.get(), new PageRequest(EXPORT_PAGE, token), actor));
        }
        int pageSize = size == null ? PageRequest.DEFAULT_SIZE : size;
        Lookup<Page<InvoiceViews.BillingItem>> page;
        try {
            page = readReconciliation.lines(period.get(), new PageRequest(pageSize,
                    ResourceCollection.requestedToken(request, continuationToken)), actor);
        } catch (InvalidContinuationToken invalid) {
            return problems.badField(request, "continuation_token_invalid", "continuationToken");
        }
        return answers.of(request, caller, page, items -> HttpResponse.ok(collection(items, pageSize, "/v1/invoices/reconciliation",
                Map.of("startDate", from.get().toString(), "endDate", to.get().toString()))));
    }

    /**
     * The whole of it as CSV, streamed: the first lookup is the permission check (a refusal is still a
     * problem answer), then the pages are written on another thread through a bounded pipe.
     */
    private HttpResponse<?> export(Authentication caller, String fileName, Lookup<Page<InvoiceViews.BillingItem>> check,
                                   Function<Optional<String>, Lookup<Page<InvoiceViews.BillingItem>>> pages) {
        if (check instanceof Lookup.NotPermitted) {
            return Refusals.notPermitted(caller);
        }
        return CsvExports.stream(blocking, "Billing", fileName, writer -> {
            CSVPrinter printer = InvoiceCsv.printer(writer);
            Optional<String> token = Optional.empty();
            do {
                Page<InvoiceViews.BillingItem> page = ((Lookup.Found<Page<InvoiceViews.BillingItem>>) pages.apply(token)).value();
                for (InvoiceViews.BillingItem item : page.items()) {
                    printer.printRecord(InvoiceCsv.cells(item));
                }
                token = page.continuationToken();
            } while (token.isPresent());
            printer.flush();
        });
    }

    private static ResourceCollection<ItemResponse> collection(Page<InvoiceViews.BillingItem> page, int pageSize, String path,
                                                               Map<String, String> query) {
        return ResourceCollection.of(page.totalCount(), page.items().stream().map(BillingViewsController::item).toList(),
                page.continuationToken().map(token -> {
                    UriBuilder uri = UriBuilder.of(path);
                    query.forEach(uri::queryParam);
                    return uri.queryParam("size", pageSize).queryParam("continuationToken", token).toString();
                }).orElse(null));
    }

    private static Optional<LocalDate> day(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static ItemResponse item(InvoiceViews.BillingItem item) {
        InvoiceViews.InvoiceLineView line = item.line();
        return new ItemResponse(item.invoiceId().orElse(null), item.billingMonth().map(Object::toString).orElse(null),
                item.currency().getCurrencyCode(), line.kind(), line.customerTenantId(), line.customerName(), line.orderId(),
                line.lineItemNumber(), line.description(), line.occurredAt(), MoneyJson.of(line.amounts().net()),
                MoneyJson.of(line.amounts().tax()), MoneyJson.of(line.amounts().gross()));
    }

    private static TotalsResponse totals(InvoiceViews.UnbilledTotals totals) {
        return new TotalsResponse(totals.currency().getCurrencyCode(), totals.items(), InvoiceResponses.amounts(totals.charges()),
                InvoiceResponses.amounts(totals.credits()), InvoiceResponses.amounts(totals.total()));
    }

    /** A charge or credit; {@code invoiceId} and {@code billingMonth} are null while no invoice has taken it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ItemResponse(@Nullable String invoiceId, @Nullable String billingMonth, String currencyCode, String kind,
                        String customerId, String customerName, String orderId, int lineItemNumber, String description,
                        java.time.Instant occurredAt, MoneyJson net, MoneyJson tax, MoneyJson gross) {
    }

    @Serdeable
    record TotalsResponse(String currencyCode, long itemCount, InvoiceResponses.Amounts charges, InvoiceResponses.Amounts credits,
                          InvoiceResponses.Amounts total) {
    }

    /** The unbilled items page, and the totals of all of them per currency. */
    @Serdeable
    record UnbilledResponse(long totalCount, @JsonInclude(JsonInclude.Include.ALWAYS) List<ItemResponse> items,
                            @Schema(requiredMode = Schema.RequiredMode.NOT_REQUIRED) Map<String, ResourceCollection.Link> links,
                            @JsonInclude(JsonInclude.Include.ALWAYS) List<TotalsResponse> summary) {
    }

    @Serdeable
    record ReconciliationItems(List<ItemResponse> items) {
    }
}
