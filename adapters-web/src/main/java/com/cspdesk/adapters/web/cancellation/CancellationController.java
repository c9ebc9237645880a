package com.cspdesk.adapters.web.cancellation;

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
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.adapters.web.cancellation.CancellationRequests.CancelRequest;
import com.cspdesk.adapters.web.cancellation.CancellationRequests.CancelledOrderResponse;
import com.cspdesk.adapters.web.cancellation.CancellationRequests.Credit;
import com.cspdesk.adapters.web.cancellation.CancellationRequests.PreviewLineResponse;
import com.cspdesk.adapters.web.cancellation.CancellationRequests.PreviewResponse;
import com.cspdesk.adapters.web.catalog.MoneyJson;
import com.cspdesk.adapters.web.orders.OrderJson;
import com.cspdesk.adapters.web.idempotency.IdempotentResponses;
import com.cspdesk.adapters.web.problem.Problem;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.application.cancellation.port.in.CancelOrder;
import com.cspdesk.application.cancellation.port.in.CancellationPreview;
import com.cspdesk.application.cancellation.port.in.PreviewCancellation;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.cancellation.Acknowledgement;
import com.cspdesk.domain.money.PriceQuote;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Spec "Cancel a purchase" and api.md "Orders": the preview the Cancel dialog shows (whoever may
 * read the order, a customer's admin for its own tenant) and the cancellation itself, which only
 * admin agents may do ("You must be an Admin agent to cancel a purchase"). The PATCH shares its
 * path with {@code GET …/orders/{orderId}} of the orders controller: Micronaut routes by method
 * and path, so the two controllers live side by side. Another tenant's customer or order is 404.
 */
@Tag(name = "orders")
@Controller("/v1/customers/{customerId}/orders/{orderId}")
@ExecuteOn(TaskExecutors.BLOCKING)
class CancellationController {

    static final String CANCELLED = "cancelled";
    static final String SUPPORT_REQUEST_REQUIRED = "support_request_required";

    private final PreviewCancellation previewCancellation;
    private final CancelOrder cancelOrder;
    private final IdempotentResponses idempotent;
    private final Problems problems;
    private final Answers answers;

    CancellationController(PreviewCancellation previewCancellation, CancelOrder cancelOrder,
                           IdempotentResponses idempotent, Problems problems, Answers answers) {
        this.previewCancellation = previewCancellation;
        this.cancelOrder = cancelOrder;
        this.idempotent = idempotent;
        this.problems = problems;
        this.answers = answers;
    }

    @Operation(summary = "What cancelling the order would do: the lines, the credit, the window")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CancellationRequests.PreviewResponse.class)))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Get("/cancellation")
    @RequiresPermission(Permission.VIEW_ORDERS)
    HttpResponse<?> preview(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                            @PathVariable String orderId) {
        Optional<CustomerRef> customer = CustomerRef.parse(customerId);
        return answers.of(request, caller, previewCancellation.preview(customer.orElse(null), orderId, Actors.of(caller)),
                preview -> HttpResponse.ok(response(preview, customer.get().value(), mayFileSupportRequests(caller))), orderId);
    }

    @Operation(summary = "Cancels an order or some of its lines (Partner Center's PATCH with status cancelled)")
    @RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"status": "cancelled", "lineItems": [{"lineItemNumber": 0}]}""")))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CancellationRequests.CancelledOrderResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
    @Patch
    @RequiresPermission(Permission.CANCEL_PURCHASE)
    HttpResponse<?> cancel(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                           @PathVariable String orderId, @Valid @Body CancelRequest body) {
        if (body.status() == null || !CANCELLED.equals(body.status().strip().toLowerCase(Locale.ROOT))) {
            return invalid(request, "status_invalid", "status");
        }
        List<Integer> numbers = body.lineItems() == null ? List.of()
                : body.lineItems().stream().map(CancellationRequests.LineItemRequest::lineItemNumber).toList();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < numbers.size(); i++) {
            if (!seen.add(numbers.get(i))) {
                return invalid(request, "line_item_number_duplicate", "lineItems[" + i + "].lineItemNumber");
            }
        }
        Actor actor = Actors.of(caller);
        Acknowledgement acknowledgement = Acknowledgement.apiCall(Optional.ofNullable(body.acknowledged()));
        Optional<CustomerRef> customer = CustomerRef.parse(customerId);
        return idempotent.run(request, caller, body, () -> {
            CancelOrder.CancelResult result = cancelOrder.cancel(
                    new CancelOrder.CancelCommand(customer.orElse(null), orderId, acknowledgement, numbers), actor);
            if (result instanceof CancelOrder.Cancelled cancelled) {
                return HttpResponse.ok(response(cancelled.order(), cancelled.credited()));
            }
            if (result instanceof CancelOrder.CustomerNotFound) {
                return problems.respond(request, HttpStatus.NOT_FOUND, "customer_not_found");
            }
            if (result instanceof CancelOrder.NotPermitted) {
                return Refusals.notPermitted(caller);
            }
            if (result instanceof CancelOrder.OrderNotFound) {
                return problems.respond(request, HttpStatus.NOT_FOUND, "order_not_found", orderId);
            }
            if (result instanceof CancelOrder.NotAcknowledged) {
                return invalid(request, "acknowledgement_required", "acknowledged");
            }
            if (result instanceof CancelOrder.UnknownLine unknown) {
                return invalid(request, "unknown_line_item", "lineItems[" + Math.max(0, numbers.indexOf(unknown.lineItemNumber()))
                        + "].lineItemNumber", unknown.lineItemNumber());
            }
            return refusal(request, (CancelOrder.Refused) result, customer.get().value(), orderId, numbers);
        });
    }

    /**
     * The policy's refusals are conflicts with the order's state (409): past the window, a plan
     * that is never cancellable, already cancelled, or a refund that needs a customer support
     * request — that one carries the link to the pre-filled request.
     */
    private MutableHttpResponse<?> refusal(HttpRequest<?> request, CancelOrder.Refused refused, String tenant, String orderId,
                                           List<Integer> named) {
        String code = refused.reason();
        List<Problem.FieldError> errors = new ArrayList<>();
        refused.lineItemNumber().filter(named::contains).ifPresent(number -> errors.add(problems.fieldError(request,
                "lineItems[" + named.indexOf(number) + "].lineItemNumber", code)));
        Problem problem = problems.problem(request, HttpStatus.CONFLICT, code, errors,
                refused.lineItemNumber().map(String::valueOf).orElse(""));
        if (refused.supportRequestRequired() || SUPPORT_REQUEST_REQUIRED.equals(code)) {
            problem = problem.withSupportRequestUri(supportRequestUri(tenant, orderId));
        }
        return problems.respond(request, problem);
    }

    private MutableHttpResponse<?> invalid(HttpRequest<?> request, String code, String field, Object... arguments) {
        return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, code,
                List.of(problems.fieldError(request, field, code, arguments)), arguments));
    }

    /**
     * Spec "Submit a customer support request": the link to the request form, pre-filled for this
     * order; the customer named as the caller named it (tenant id or domain, normalised).
     */
    static String supportRequestUri(String customer, String orderId) {
        return "/v1/servicerequests/template?customerId=" + URLEncoder.encode(customer, StandardCharsets.UTF_8)
                + "&orderId=" + URLEncoder.encode(orderId.strip(), StandardCharsets.UTF_8);
    }

    /** Only a caller who may file service requests is sent to the template link (others would meet a 403). */
    static boolean mayFileSupportRequests(Authentication caller) {
        return Actors.of(caller).may(Permission.FILE_SERVICE_REQUEST);
    }

    static PreviewResponse response(CancellationPreview preview, String tenant, boolean withSupportRequestLink) {
        List<PreviewLineResponse> lines = preview.lineItems().stream().map(line -> new PreviewLineResponse(
                line.lineItemNumber(), line.friendlyName(), line.cancellable(), line.reason().orElse(null),
                line.windowEndsAt().orElse(null), line.daysRemaining(), credit(line.credit()))).toList();
        return new PreviewResponse(preview.orderId(), preview.cancellable(), preview.reason().orElse(null),
                preview.windowEndsAt().orElse(null), preview.daysRemaining(), preview.supportRequestRequired(),
                preview.supportRequestRequired() && withSupportRequestLink ? supportRequestUri(tenant, preview.orderId()) : null,
                lines,
                credit(preview.totalCredit()));
    }

    /** The order as {@code GET …/orders/{orderId}} shows it (same fields, same values), plus the credit. */
    static CancelledOrderResponse response(OrderView order, PriceQuote credited) {
        return new CancelledOrderResponse(OrderJson.of(order), credit(credited));
    }

    static Credit credit(PriceQuote quote) {
        return new Credit(MoneyJson.of(quote.net()), MoneyJson.of(quote.tax()), MoneyJson.of(quote.gross()));
    }
}
