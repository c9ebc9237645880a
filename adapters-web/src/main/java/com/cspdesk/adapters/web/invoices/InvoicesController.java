package com.cspdesk.adapters.web.invoices;

import com.cspdesk.adapters.web.api.Revalidated;
import com.cspdesk.adapters.web.apidoc.ApiDoc;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.cspdesk.adapters.web.api.Answers;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import java.util.Map;
import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.i18n.Messages;
import com.cspdesk.adapters.web.i18n.SupportedLanguages;
import com.cspdesk.adapters.web.idempotency.IdempotentResponses;
import com.cspdesk.adapters.web.invoices.InvoiceResponses.StartRunRequest;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.application.invoicing.port.in.GetInvoice;
import com.cspdesk.application.invoicing.port.in.GetInvoiceRun;
import com.cspdesk.application.invoicing.port.in.InvoiceViews;
import com.cspdesk.application.invoicing.port.in.ListInvoices;
import com.cspdesk.application.invoicing.port.in.StartInvoiceRun;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * api.md "Invoices" and the spec's "A credit for the canceled order will appear on your next
 * monthly invoice": one invoice per billing month and currency, its line items (charges and
 * credits), and the document as PDF or CSV — for global admins, account admins and admin agents.
 * Global admins and account admins start a month's run (also scheduled after each month ends) and
 * follow its progress; re-running a month changes nothing. Everyone else is 403.
 */
@Tag(name = "invoices")
@Controller("/v1/invoices")
@ExecuteOn(TaskExecutors.BLOCKING)
class InvoicesController {

    static final MediaType PDF = MediaType.of("application/pdf");
    static final MediaType CSV_UTF8 = MediaType.of("text/csv; charset=UTF-8");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern SAFE_FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private final ListInvoices listInvoices;
    private final GetInvoice getInvoice;
    private final StartInvoiceRun startInvoiceRun;
    private final GetInvoiceRun getInvoiceRun;
    private final IdempotentResponses idempotent;
    private final Problems problems;
    private final Answers answers;
    private final InvoicePdf pdf;

    InvoicesController(ListInvoices listInvoices, GetInvoice getInvoice, StartInvoiceRun startInvoiceRun,
                       GetInvoiceRun getInvoiceRun, IdempotentResponses idempotent, Problems problems, Answers answers,
                       Messages messages,
                       @Value("${cspdesk.invoices.partner-name:CSP Software Desk demo partner}") String partnerName) {
        this.listInvoices = listInvoices;
        this.getInvoice = getInvoice;
        this.startInvoiceRun = startInvoiceRun;
        this.getInvoiceRun = getInvoiceRun;
        this.idempotent = idempotent;
        this.problems = problems;
        this.answers = answers;
        this.pdf = new InvoicePdf(messages, partnerName);
    }

    @Operation(summary = "Lists the invoices page by page")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(allOf = {ResourceCollection.class, InvoiceResponses.InvoiceItems.class})))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "304", description = ApiDoc.NOT_MODIFIED_DESCRIPTION)
    @Get
    @RequiresPermission(Permission.READ_INVOICES)
    @Revalidated
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller,
                         @QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
                         @QueryValue @Nullable @Size(max = 1024) String continuationToken) {
        int pageSize = size == null ? PageRequest.DEFAULT_SIZE : size;
        Lookup<Page<InvoiceViews.InvoiceView>> page;
        try {
            page = listInvoices.list(new PageRequest(pageSize, ResourceCollection.requestedToken(request, continuationToken)), Actors.of(caller));
        } catch (InvalidContinuationToken invalid) {
            return problems.badField(request, "continuation_token_invalid", "continuationToken");
        }
        return answers.of(request, caller, page, invoices -> HttpResponse.ok(ResourceCollection.of(invoices.totalCount(),
                invoices.items().stream().map(InvoiceResponses::invoice).toList(),
                invoices.continuationToken().map(token -> UriBuilder.of("/v1/invoices").queryParam("size", pageSize)
                        .queryParam("continuationToken", token).toString()).orElse(null))));
    }

    @Operation(summary = "Reads an invoice")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InvoiceResponses.InvoiceResponse.class)))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "304", description = ApiDoc.NOT_MODIFIED_DESCRIPTION)
    @Get("/{invoiceId}")
    @Revalidated
    @RequiresPermission(Permission.READ_INVOICES)
    HttpResponse<?> get(HttpRequest<?> request, Authentication caller, @PathVariable String invoiceId) {
        return answers.of(request, caller, getInvoice.invoice(invoiceId.strip(), Actors.of(caller)),
                invoice -> HttpResponse.ok(InvoiceResponses.invoice(invoice)));
    }

    @Operation(summary = "Lists an invoice's lines")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(allOf = {ResourceCollection.class, InvoiceResponses.InvoiceLineItems.class})))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "304", description = ApiDoc.NOT_MODIFIED_DESCRIPTION)
    @Get("/{invoiceId}/lineitems")
    @Revalidated
    @RequiresPermission(Permission.READ_INVOICES)
    HttpResponse<?> lineItems(HttpRequest<?> request, Authentication caller, @PathVariable String invoiceId) {
        return answers.of(request, caller, getInvoice.lineItems(invoiceId.strip(), Actors.of(caller)),
                lines -> HttpResponse.ok(ResourceCollection.of(lines.stream().map(InvoiceResponses::line).toList())));
    }

    /**
     * The invoice as a file: {@code format=pdf} (the default) or {@code format=csv}, always as an
     * attachment named after the invoice ({@code INV-2026-11-EUR.pdf}).
     */
    @Operation(summary = "The invoice as a file: format=pdf (the default) or format=csv")
    @ApiResponse(responseCode = "200", content = {@Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Get(value = "/{invoiceId}/document", produces = {"application/pdf", "text/csv", MediaType.APPLICATION_JSON,
            "application/problem+json"}, headRoute = false)
    @RequiresPermission(Permission.READ_INVOICES)
    HttpResponse<?> document(HttpRequest<?> request, Authentication caller, @PathVariable String invoiceId,
                             @QueryValue @Nullable @Size(max = 16) String format) {
        String chosen = format == null || format.isBlank() ? "pdf" : format.strip().toLowerCase(Locale.ROOT);
        if (!chosen.equals("pdf") && !chosen.equals("csv")) {
            return problems.badField(request, "document_format_invalid", "format");
        }
        Actor actor = Actors.of(caller);
        Lookup<Map.Entry<InvoiceViews.InvoiceView, List<InvoiceViews.InvoiceLineView>>> document = getInvoice
                .invoice(invoiceId.strip(), actor)
                .flatMap(invoice -> getInvoice.lineItems(invoice.id(), actor).map(lines -> Map.entry(invoice, lines)));
        return answers.of(request, caller, document, found -> document(request, found.getKey(), found.getValue(), chosen));
    }

    private HttpResponse<?> document(HttpRequest<?> request, InvoiceViews.InvoiceView invoice,
                                     List<InvoiceViews.InvoiceLineView> lines, String chosen) {
        byte[] content = chosen.equals("pdf")
                ? pdf.render(invoice, lines, SupportedLanguages.of(request))
                : InvoiceCsv.write(invoice, lines);
        String fileName = fileName(invoice.id()) + "." + chosen;
        return HttpResponse.ok(content)
                .contentType(chosen.equals("pdf") ? PDF : CSV_UTF8)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .header(HttpHeaders.CONTENT_LANGUAGE, SupportedLanguages.of(request).getLanguage())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("X-Content-Type-Options", "nosniff");
    }

    // Admin agents too (api.md "Invoices"): re-running a month that has ended changes nothing.
    @Operation(summary = "Starts the invoice run of an ended month (MS-RequestId makes a retry safe)")
    @RequestBody(content = @Content(examples = @ExampleObject(value = "{\"month\": \"2026-11\"}")))
    @ApiResponse(responseCode = "202", description = "Started; Location is the run", content = @Content(schema = @Schema(implementation = InvoiceResponses.InvoiceRunResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
    @Post("/runs")
    @RequiresPermission(Permission.START_INVOICE_RUN)
    HttpResponse<?> startRun(HttpRequest<?> request, Authentication caller, @Valid @Body StartRunRequest body) {
        YearMonth month;
        try {
            month = YearMonth.parse(body.month().strip(), MONTH);
        } catch (DateTimeParseException malformed) {
            return problems.badField(request, "month_invalid", "month");
        }
        try {
            return idempotent.run(request, caller, body, () -> {
                StartInvoiceRun.StartResult result = startInvoiceRun.start(month, Actors.of(caller));
                if (result instanceof StartInvoiceRun.Started started) {
                    return HttpResponse.accepted(URI.create(InvoiceResponses.runSelf(started.run().id())))
                            .body(InvoiceResponses.run(started.run()));
                }
                if (result instanceof StartInvoiceRun.NotPermitted) {
                    return Refusals.notPermitted(caller);
                }
                if (result instanceof StartInvoiceRun.Busy) {
                    // Thrown, not answered: the request id's claim rolls back, so the retry it asks for runs.
                    throw new RunsBusy();
                }
                return problems.respond(request, problems.problem(request, HttpStatus.CONFLICT, "month_not_ended",
                        List.of(problems.fieldError(request, "month", "month_not_ended")), month.toString()));
            });
        } catch (RunsBusy busy) {
            return problems.respond(request, HttpStatus.SERVICE_UNAVAILABLE, "invoice_runs_busy")
                    .header(HttpHeaders.RETRY_AFTER, RUNS_BUSY_RETRY_AFTER_SECONDS);
        }
    }

    /** A run takes a minute or less (docs/performance.md); sixteen wait at most. */
    static final String RUNS_BUSY_RETRY_AFTER_SECONDS = "60";

    private static final class RunsBusy extends RuntimeException {
        RunsBusy() {
            super("too many invoice runs wait", null, false, false);
        }
    }

    @Operation(summary = "Reads an invoice run (running, completed or failed)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InvoiceResponses.InvoiceRunResponse.class)))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Get("/runs/{runId}")
    @RequiresPermission(Permission.READ_INVOICES)
    HttpResponse<?> run(HttpRequest<?> request, Authentication caller, @PathVariable String runId) {
        return answers.of(request, caller, getInvoiceRun.run(runId.strip(), Actors.of(caller)),
                run -> HttpResponse.ok(InvoiceResponses.run(run)).header(HttpHeaders.CACHE_CONTROL, "no-store"));
    }

    /** The invoice id as a file name; ids are {@code INV-yyyy-MM-CUR}, anything else is reduced to safe characters. */
    static String fileName(String invoiceId) {
        if (SAFE_FILE_NAME.matcher(invoiceId).matches()) {
            return invoiceId;
        }
        String safe = invoiceId.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "invoice" : safe.substring(0, Math.min(100, safe.length()));
    }

}
