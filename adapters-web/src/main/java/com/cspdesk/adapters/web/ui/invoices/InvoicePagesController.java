package com.cspdesk.adapters.web.ui.invoices;

import io.swagger.v3.oas.annotations.Hidden;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.adapters.web.ui.shared.Formats;
import com.cspdesk.adapters.web.ui.shared.UiForms;
import com.cspdesk.adapters.web.ui.shared.UiLocale;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
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
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * api.md "Invoices": the monthly invoices (credits of cancelled purchases appear here), each with
 * its line items and its PDF and CSV (from {@code /v1/invoices/{id}/document}, which the session
 * cookie may read), and the invoice run for a month that has ended, with its progress polled while
 * it runs. Global admins, account admins and admin agents read and start runs (as in the JSON API).
 */
@Hidden
@Controller(InvoicePagesController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@RequiresPermission(Permission.READ_INVOICES)
class InvoicePagesController {

    static final String PATH = UiUrls.INVOICES;
    private static final String RUNNING = "running";

    private final ListInvoices listInvoices;
    private final GetInvoice getInvoice;
    private final StartInvoiceRun startInvoiceRun;
    private final GetInvoiceRun getInvoiceRun;
    private final Clock clock;
    private final UiPages pages;

    InvoicePagesController(ListInvoices listInvoices, GetInvoice getInvoice, StartInvoiceRun startInvoiceRun,
                           GetInvoiceRun getInvoiceRun, Clock clock, UiPages pages) {
        this.listInvoices = listInvoices;
        this.getInvoice = getInvoice;
        this.startInvoiceRun = startInvoiceRun;
        this.getInvoiceRun = getInvoiceRun;
        this.clock = clock;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String page,
                         @Nullable @QueryValue String run) {
        Actor actor = Actors.of(caller);
        Lookup<Page<InvoiceViews.InvoiceView>> invoices;
        try {
            invoices = listInvoices.list(new PageRequest(UiPages.PAGE_SIZE, Optional.ofNullable(page)), actor);
        } catch (InvalidContinuationToken stale) {
            return UiPages.redirect(request, PATH);
        }
        return pages.answer(request, caller, invoices, found -> {
            Map<String, Object> model = listModel(found, page);
            Optional.ofNullable(run).flatMap(id -> getInvoiceRun.run(id, actor).ifFound()).ifPresent(shown -> model.put("run", shown));
            return pages.page(request, "invoices/list", model);
        });
    }

    @Post("/runs")
    @RequiresPermission(Permission.START_INVOICE_RUN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> start(HttpRequest<?> request, Authentication caller, @Body RunForm form) {
        YearMonth month;
        try {
            month = YearMonth.parse(UiForms.text(form.month()));
        } catch (DateTimeParseException malformed) {
            return runRefused(request, caller, "invoices.run.monthInvalid", "");
        }
        StartInvoiceRun.StartResult result = startInvoiceRun.start(month, Actors.of(caller));
        if (result instanceof StartInvoiceRun.Started started) {
            if (UiPages.isHtmx(request) && !RUNNING.equals(started.run().status())) {
                return finished(started.run());
            }
            if (UiPages.isHtmx(request)) {
                return pages.fragment(request, HttpStatus.ACCEPTED, "invoices/list", "run", Map.of("run", started.run()));
            }
            return UiPages.redirect(request, PATH + "?run=" + UiUrls.encode(started.run().id()));
        }
        if (result instanceof StartInvoiceRun.NotPermitted) {
            return Refusals.notPermitted(caller);
        }
        if (result instanceof StartInvoiceRun.Busy) {
            return runRefused(request, caller, "invoices.run.busy", "");
        }
        return runRefused(request, caller, "invoices.run.monthNotEnded", new Formats(UiLocale.of(request)).month(month));
    }

    /** The run's progress; htmx polls it every second while the run is running. */
    @Get("/runs/{runId}")
    HttpResponse<?> run(HttpRequest<?> request, Authentication caller, @PathVariable String runId) {
        return pages.answer(request, caller, getInvoiceRun.run(runId, Actors.of(caller)), run -> {
            if (UiPages.isHtmx(request) && !RUNNING.equals(run.status())) {
                return finished(run);
            }
            if (UiPages.isHtmx(request)) {
                return pages.fragment(request, HttpStatus.OK, "invoices/list", "run", Map.of("run", run));
            }
            return UiPages.redirect(request, PATH + "?run=" + UiUrls.encode(run.id()));
        });
    }

    /** A finished run reloads the page (htmx follows HX-Redirect), so the new invoices are listed under its result. */
    private static HttpResponse<?> finished(InvoiceViews.InvoiceRunView run) {
        return UiPages.noStore(HttpResponse.ok().header("HX-Redirect", PATH + "?run=" + UiUrls.encode(run.id())));
    }

    @Get("/{invoiceId}")
    HttpResponse<?> invoice(HttpRequest<?> request, Authentication caller, @PathVariable String invoiceId) {
        Actor actor = Actors.of(caller);
        return pages.answer(request, caller, getInvoice.invoice(invoiceId, actor)
                .flatMap(invoice -> getInvoice.lineItems(invoice.id(), actor).map(lines -> {
                    Map<String, Object> model = section("invoice.title");
                    model.put("invoice", invoice);
                    model.put("charges", lines.stream().filter(line -> "charge".equals(line.kind())).toList());
                    model.put("credits", lines.stream().filter(line -> "credit".equals(line.kind())).toList());
                    model.put("pdfHref", document(invoice, "pdf"));
                    model.put("csvHref", document(invoice, "csv"));
                    return model;
                })), model -> pages.page(request, "invoices/detail", model));
    }

    private HttpResponse<?> runRefused(HttpRequest<?> request, Authentication caller, String errorKey, String argument) {
        if (UiPages.isHtmx(request)) {
            Map<String, Object> model = new HashMap<>();
            model.put("runErrorKey", errorKey);
            model.put("runErrorArgument", argument);
            return pages.fragment(request, HttpStatus.CONFLICT, "invoices/list", "run", model);
        }
        return pages.answer(request, caller, listInvoices.list(PageRequest.first(UiPages.PAGE_SIZE), Actors.of(caller)),
                invoices -> {
                    Map<String, Object> model = listModel(invoices, null);
                    model.put("runErrorKey", errorKey);
                    model.put("runErrorArgument", argument);
                    return pages.render(request, HttpStatus.CONFLICT, "invoices/list", model);
                });
    }

    private Map<String, Object> listModel(Page<InvoiceViews.InvoiceView> invoices, @Nullable String page) {
        Map<String, Object> model = section("invoices.title");
        model.put("invoices", invoices.items());
        model.put("total", invoices.totalCount());
        model.put("isFirstPage", page == null || page.isBlank());
        invoices.continuationToken().ifPresent(token -> model.put("nextHref", UriBuilder.of(PATH).queryParam("page", token).toString()));
        model.put("lastMonth", YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1).toString());
        model.put("documents", invoices.items().stream().collect(java.util.stream.Collectors.toMap(
                InvoiceViews.InvoiceView::id, invoice -> List.of(document(invoice, "pdf"), document(invoice, "csv")))));
        return model;
    }

    private static String document(InvoiceViews.InvoiceView invoice, String format) {
        return "/v1/invoices/" + UiUrls.encode(invoice.id()) + "/document?format=" + format;
    }

    private static Map<String, Object> section(String titleKey) {
        Map<String, Object> model = new HashMap<>();
        model.put("section", "invoices");
        model.put("titleKey", titleKey);
        return model;
    }

    @Serdeable
    record RunForm(@Nullable String month, @Nullable String csrfToken) {
    }
}
