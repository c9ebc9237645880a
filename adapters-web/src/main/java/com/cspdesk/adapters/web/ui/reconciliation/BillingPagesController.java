package com.cspdesk.adapters.web.ui.reconciliation;

import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.adapters.web.ui.shared.Formats;
import com.cspdesk.adapters.web.ui.shared.UiForms;
import com.cspdesk.adapters.web.ui.shared.UiLocale;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.application.credits.port.in.IssueCreditNote;
import com.cspdesk.application.invoicing.port.in.ReadReconciliation;
import com.cspdesk.application.invoicing.port.in.ReadUnbilled;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.credit.CreditReason;
import com.cspdesk.domain.customer.CustomerRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Billing › Unbilled and reconciliation (issue #16 item 7) and manual credit notes (item 5), for global and
 * account admins: what no invoice has taken yet with its totals per currency, a reconciliation export over a
 * date range, and from any unbilled charge a credit note with a reason. The same use cases as the API's;
 * the CSV downloads are the API's own routes, which the dashboard's session may call.
 */
@Hidden
@Controller(BillingPagesController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class BillingPagesController {

    static final String PATH = UiUrls.INVOICES + "/billing";

    private final ReadUnbilled readUnbilled;
    private final IssueCreditNote issueCreditNote;
    private final Clock clock;
    private final UiPages pages;

    BillingPagesController(ReadUnbilled readUnbilled, IssueCreditNote issueCreditNote, Clock clock, UiPages pages) {
        this.readUnbilled = readUnbilled;
        this.issueCreditNote = issueCreditNote;
        this.clock = clock;
        this.pages = pages;
    }

    @Get
    @RequiresPermission(Permission.RECONCILE_BILLING)
    HttpResponse<?> unbilled(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String page,
                             @Nullable @QueryValue String credited) {
        try {
            var lookup = readUnbilled.unbilled(new PageRequest(UiPages.PAGE_SIZE, Optional.ofNullable(page)), Actors.of(caller));
            return pages.answer(request, caller, lookup, found -> pages.page(request, "invoices/billing",
                    model(found, page, credited, Map.of())));
        } catch (InvalidContinuationToken stale) {
            return UiPages.redirect(request, PATH);
        }
    }

    /** The reconciliation form: a valid range goes on to the API's CSV; a bad one comes back with the reason. */
    @Get("/reconciliation")
    @RequiresPermission(Permission.RECONCILE_BILLING)
    HttpResponse<?> reconciliation(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String startDate,
                                   @Nullable @QueryValue String endDate) {
        Optional<ReadReconciliation.Period> period = day(startDate).flatMap(from -> day(endDate)
                .flatMap(to -> ReadReconciliation.Period.of(from, to)));
        if (period.isPresent()) {
            return UiPages.redirect(request, UriBuilder.of("/v1/invoices/reconciliation")
                    .queryParam("startDate", period.get().from().toString()).queryParam("endDate", period.get().to().toString())
                    .queryParam("format", "csv").toString());
        }
        var lookup = readUnbilled.unbilled(PageRequest.first(UiPages.PAGE_SIZE), Actors.of(caller));
        return pages.answer(request, caller, lookup, found -> {
            Map<String, Object> model = model(found, null, null, Map.of("startDate", UiForms.text(startDate),
                    "endDate", UiForms.text(endDate)));
            model.put("rangeErrorKey", "billing.reconciliation.invalid");
            return pages.render(request, HttpStatus.BAD_REQUEST, "invoices/billing", model);
        });
    }

    @Get("/credit")
    @RequiresPermission(Permission.ISSUE_CREDIT_NOTE)
    HttpResponse<?> creditForm(HttpRequest<?> request, @Nullable @QueryValue String customerId, @Nullable @QueryValue String orderId,
                               @Nullable @QueryValue String currency) {
        return pages.page(request, "invoices/credit", creditModel(new CreditForm(customerId, orderId, null, currency,
                CreditReason.GOODWILL.code(), null, null)));
    }

    @Post("/credit")
    @RequiresPermission(Permission.ISSUE_CREDIT_NOTE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> credit(HttpRequest<?> request, Authentication caller, @Body CreditForm form) {
        IssueCreditNote.IssueResult result = issueCreditNote.issue(new IssueCreditNote.NewCreditNote(
                CustomerRef.parse(UiForms.text(form.customerId())).orElse(null), UiForms.text(form.orderId()), form.reason(),
                // As the support queue reads an approved amount: the reader's decimal comma is a point, spaces go.
                UiForms.text(form.amount()).replace(',', '.').replace(" ", ""), UiForms.text(form.currency()),
                form.explanation()), Actors.of(caller));
        if (result instanceof IssueCreditNote.Issued issued) {
            return UiPages.redirect(request, PATH + "?credited=" + UiUrls.encode(issued.note().id()));
        }
        if (result instanceof IssueCreditNote.NotPermitted) {
            return Refusals.notPermitted(caller);
        }
        Map<String, Object> model = creditModel(form);
        if (result instanceof IssueCreditNote.CustomerNotFound) {
            model.put("errorText", pages.text(request, "problem.customer_not_found.detail"));
        } else if (result instanceof IssueCreditNote.OrderNotFound) {
            model.put("errorText", pages.text(request, "problem.order_not_found.detail", UiForms.text(form.orderId())));
        } else if (result instanceof IssueCreditNote.Refused refused) {
            model.put("errorText", pages.text(request, "problem." + refused.code() + ".detail",
                    refused.creditable().map(new Formats(UiLocale.of(request))::money).orElse("")));
        } else {
            model.put("errorText", pages.text(request, "problem.credit_already_issued.detail"));
        }
        return pages.render(request, HttpStatus.UNPROCESSABLE_ENTITY, "invoices/credit", model);
    }

    private Map<String, Object> model(ReadUnbilled.Unbilled unbilled, @Nullable String page, @Nullable String credited,
                                      Map<String, String> range) {
        Map<String, Object> model = new HashMap<>();
        model.put("section", "invoices");
        model.put("titleKey", "billing.title");
        model.put("totals", unbilled.totals());
        model.put("items", unbilled.items().items());
        model.put("isFirstPage", page == null || page.isBlank());
        unbilled.items().continuationToken().ifPresent(token -> model.put("nextHref", UriBuilder.of(PATH).queryParam("page", token).toString()));
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        model.put("startDate", range.getOrDefault("startDate", today.withDayOfMonth(1).minusMonths(1).toString()));
        model.put("endDate", range.getOrDefault("endDate", today.withDayOfMonth(1).minusDays(1).toString()));
        model.put("credited", credited);
        return model;
    }

    private static Map<String, Object> creditModel(CreditForm form) {
        Map<String, Object> model = new HashMap<>();
        model.put("section", "invoices");
        model.put("titleKey", "billing.credit.title");
        model.put("form", form);
        model.put("reasons", Arrays.stream(CreditReason.values()).filter(CreditReason::isManual).map(CreditReason::code).toList());
        return model;
    }

    private static Optional<LocalDate> day(@Nullable String value) {
        try {
            return Optional.of(LocalDate.parse(UiForms.text(value)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Serdeable
    record CreditForm(@Nullable String customerId, @Nullable String orderId, @Nullable String amount, @Nullable String currency,
                      @Nullable String reason, @Nullable String explanation, @Nullable String csrfToken) {
    }
}
