package com.cspdesk.adapters.web.portfolio;

import com.cspdesk.adapters.web.api.CsvRequests;
import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.apidoc.ApiDoc;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.adapters.web.subscriptions.SubscriptionJson;
import com.cspdesk.application.portfolio.port.in.CustomerSubscriptionView;
import com.cspdesk.application.portfolio.port.in.ListSubscriptionsAcrossCustomers;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.subscriptions.port.in.SubscriptionView;
import com.cspdesk.domain.access.Permission;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static com.cspdesk.adapters.web.portfolio.AcrossCustomersAnswers.text;

/**
 * {@code GET /v1/subscriptions} (#16): every customer's subscriptions, the soonest term end first — what renews or
 * expires next on top — with its customer; filters {@code customerId} (tenant id or domain), {@code productId},
 * {@code status} (active, expired, cancelled), {@code termEndFrom} (inclusive) and {@code termEndTo} (exclusive), or
 * {@code renewalsDueInDays=N}: the active ones whose term ends within the next N days. Keyset pages, or the whole
 * filtered list as CSV. Admin and sales agents and global admins ({@code VIEW_ACROSS_CUSTOMERS}); everyone else 403.
 */
@Tag(name = "views across customers")
@Controller("/v1/subscriptions")
@ExecuteOn(TaskExecutors.BLOCKING)
class SubscriptionsAcrossCustomersController {

    static final List<String> CSV_HEADER = List.of("customerId", "customerName", "id", "orderId", "lineItemNumber", "offerId",
            "friendlyName", "quantity", "status", "autoRenewEnabled", "termDuration", "termNumber", "effectiveStartDate",
            "commitmentEndDate", "currencyCode", "chargePerTermNet", "chargePerTermTax", "chargePerTermGross");
    /** Ten years: far beyond any term (three years), small enough that the instant never overflows. */
    static final int MAX_DUE_DAYS = 3660;

    private final ListSubscriptionsAcrossCustomers subscriptions;
    private final AcrossCustomersAnswers answers;
    private final Problems problems;
    private final Clock clock;

    SubscriptionsAcrossCustomersController(ListSubscriptionsAcrossCustomers subscriptions, AcrossCustomersAnswers answers,
                                           Problems problems, Clock clock) {
        this.subscriptions = subscriptions;
        this.answers = answers;
        this.problems = problems;
        this.clock = clock;
    }

    @Operation(summary = "Lists every customer's subscriptions, the soonest term end first (filters customerId, productId, "
            + "status, termEndFrom, termEndTo, or renewalsDueInDays; totalCount is the page's); CSV with format=csv")
    @ApiResponse(responseCode = "200", content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(allOf = {
            ResourceCollection.class, SubscriptionItems.class})),
        @Content(mediaType = CsvRequests.TEXT_CSV, schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @Get(produces = {MediaType.APPLICATION_JSON, CsvRequests.TEXT_CSV, "application/problem+json"}, headRoute = false)
    @RequiresPermission(Permission.VIEW_ACROSS_CUSTOMERS)
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller,
                         @QueryValue @Nullable @Size(max = 255) String customerId,
                         @QueryValue @Nullable @Size(max = 64) String productId,
                         @QueryValue @Nullable @Size(max = 32) String status,
                         @QueryValue @Nullable @Size(max = 64) String termEndFrom,
                         @QueryValue @Nullable @Size(max = 64) String termEndTo,
                         @QueryValue @Nullable @Size(max = 8) String renewalsDueInDays,
                         @QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
                         @QueryValue @Nullable @Size(max = 1024) String continuationToken,
                         @QueryValue @Nullable @Size(max = 16) String format) {
        String from = termEndFrom;
        String to = termEndTo;
        String shown = status;
        if (renewalsDueInDays != null && !renewalsDueInDays.isBlank()) {
            int days;
            try {
                days = Integer.parseInt(renewalsDueInDays.strip());
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (days < 0 || days > MAX_DUE_DAYS || termEndFrom != null || termEndTo != null) {
                String code = "renewals_due_in_days_invalid";
                return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, code,
                        List.of(problems.fieldError(request, "renewalsDueInDays", code, MAX_DUE_DAYS)), MAX_DUE_DAYS));
            }
            // From this microsecond on: a subscription whose term ended already is due for the renewal job, not ahead.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            from = now.toString();
            to = now.plus(Duration.ofDays(days)).toString();
            shown = status == null ? "active" : status;
        }
        AcrossCustomersAnswers.Filters filters = new AcrossCustomersAnswers.Filters("/v1/subscriptions", customerId, productId,
                shown, "termEndFrom", from, "termEndTo", to);
        return answers.answer(request, caller, filters, size, continuationToken, format, subscriptions,
                new AcrossCustomersAnswers.Shape<>(SubscriptionsAcrossCustomersController::item, "subscriptions.csv", CSV_HEADER,
                        SubscriptionsAcrossCustomersController::csvLines));
    }

    static CustomerSubscriptionResponse item(CustomerSubscriptionView view) {
        SubscriptionView s = view.subscription();
        return new CustomerSubscriptionResponse(s.customerTenantId(), view.customerName(), SubscriptionJson.of(s));
    }

    static List<List<String>> csvLines(CustomerSubscriptionView view) {
        SubscriptionView s = view.subscription();
        return List.of(List.of(s.customerTenantId(), view.customerName(), s.id(), s.orderId(), text(s.lineItemNumber()),
                s.offerId(), s.friendlyName(), text(s.quantity()), s.status(), text(s.autoRenewEnabled()), s.termDuration(),
                text(s.termNumber()), text(s.termStart()), text(s.termEnd()), s.chargePerTerm().currency().getCurrencyCode(),
                s.chargePerTerm().net().amount().toPlainString(), s.chargePerTerm().tax().amount().toPlainString(),
                s.chargePerTerm().gross().amount().toPlainString()));
    }

    /** A subscription as its customer's list shows it, with the customer it belongs to. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CustomerSubscriptionResponse(String customerId, String customerName, SubscriptionJson.SubscriptionResponse subscription) {
    }

    /** The API document's item type of GET /v1/subscriptions (a ResourceCollection of these). */
    record SubscriptionItems(List<CustomerSubscriptionResponse> items) {
    }
}
