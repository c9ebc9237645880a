package com.cspdesk.adapters.web.subscriptions;

import com.cspdesk.adapters.web.api.Answers;
import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.apidoc.ApiDoc;
import com.cspdesk.adapters.web.idempotency.IdempotentResponses;
import com.cspdesk.adapters.web.problem.Problem;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.subscriptions.port.in.ChangeSubscription;
import com.cspdesk.application.subscriptions.port.in.GetSubscription;
import com.cspdesk.application.subscriptions.port.in.ListSubscriptions;
import com.cspdesk.application.subscriptions.port.in.SubscriptionView;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Issue #16, api.md "Subscriptions": a customer's subscriptions (read as orders: a customer's admin its
 * own tenant only, another tenant's is 404), and Partner Center's PATCH of one — {@code autoRenewEnabled}
 * ({@code MANAGE_SUBSCRIPTIONS}), or {@code status: cancelled} (PC's {@code deleted} too; also
 * {@code CANCEL_PURCHASE}, checked by the use case) to cancel the current renewal within its window, or in
 * the first term the purchase itself. The PATCH body is read field by field: a field neither the desk
 * nor Partner Center's Subscription has, or a value of the wrong type, is a 400 naming the field; the
 * rest of a PC Subscription a client sends back (ids, names, dates, links) is ignored.
 */
@Tag(name = "subscriptions")
@Controller("/v1/customers/{customerId}/subscriptions")
@ExecuteOn(TaskExecutors.BLOCKING)
class SubscriptionsController {

    static final String AUTO_RENEW = "autoRenewEnabled";
    static final String STATUS = "status";
    /** Partner Center's words for ending a subscription: the desk's {@code cancelled}, NCE's {@code deleted}. */
    static final Set<String> CANCELLING = Set.of("cancelled", "canceled", "deleted");
    /** Fields of Partner Center's Subscription a client may send back unchanged; they change nothing. */
    static final Set<String> PARTNER_CENTER_FIELDS = Set.of("id", "offerId", "offerName", "friendlyName", "quantity",
            "unitType", "creationDate", "effectiveStartDate", "commitmentEndDate", "termDuration", "renewalTermDuration",
            "orderId", "billingCycle", "billingType", "links", "attributes", "actions", "publisherName", "entitlementId",
            "parentSubscriptionId", "isTrial", "isMicrosoftProduct", "hasPurchasableAddons", "suspensionReasons",
            "partnerId", "contractType", "refundOptions", "lineItemNumber", "termNumber", "chargePerTerm",
            "renewalCancellation");

    private final ListSubscriptions listSubscriptions;
    private final GetSubscription getSubscription;
    private final ChangeSubscription changeSubscription;
    private final IdempotentResponses idempotent;
    private final Problems problems;
    private final Answers answers;

    SubscriptionsController(ListSubscriptions listSubscriptions, GetSubscription getSubscription,
                            ChangeSubscription changeSubscription, IdempotentResponses idempotent, Problems problems,
                            Answers answers) {
        this.listSubscriptions = listSubscriptions;
        this.getSubscription = getSubscription;
        this.changeSubscription = changeSubscription;
        this.idempotent = idempotent;
        this.problems = problems;
        this.answers = answers;
    }

    @Operation(summary = "Lists a customer's subscriptions (server subscriptions with a term) page by page, newest first")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(allOf = {ResourceCollection.class,
            SubscriptionJson.SubscriptionItems.class})))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Get
    @RequiresPermission(Permission.VIEW_ORDERS)
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                         @QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
                         @QueryValue @Nullable @Size(max = 1024) String continuationToken) {
        int pageSize = size == null ? PageRequest.DEFAULT_SIZE : size;
        Lookup<Page<SubscriptionView>> page;
        try {
            page = listSubscriptions.list(CustomerRef.parse(customerId).orElse(null),
                    new PageRequest(pageSize, ResourceCollection.requestedToken(request, continuationToken)), Actors.of(caller));
        } catch (InvalidContinuationToken invalid) {
            return problems.badField(request, "continuation_token_invalid", "continuationToken");
        }
        return answers.of(request, caller, page, subscriptions -> HttpResponse.ok(ResourceCollection.of(
                subscriptions.totalCount(), subscriptions.items().stream().map(SubscriptionJson::of).toList(),
                next(subscriptions, pageSize))));
    }

    @Operation(summary = "Reads a subscription: its current term, auto-renew, status, and what cancelling its renewal would credit")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubscriptionJson.SubscriptionResponse.class)))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Get("/{subscriptionId}")
    @RequiresPermission(Permission.VIEW_ORDERS)
    HttpResponse<?> get(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                        @PathVariable String subscriptionId) {
        return answers.of(request, caller, getSubscription.get(CustomerRef.parse(customerId).orElse(null), subscriptionId,
                Actors.of(caller)), subscription -> HttpResponse.ok(SubscriptionJson.of(subscription)), subscriptionId);
    }

    @Operation(summary = "Switches auto-renew, or cancels the subscription's renewal within its window (status cancelled; "
            + "in the first term: its purchase). Cancelling also needs CANCEL_PURCHASE.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SubscriptionJson.SubscriptionPatch.class),
            examples = {@ExampleObject(name = "autoRenew", value = """
            {"autoRenewEnabled": false}"""), @ExampleObject(name = "cancel", value = """
            {"status": "cancelled"}""")}))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SubscriptionJson.SubscriptionResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "403", ref = ApiDoc.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
    @Patch("/{subscriptionId}")
    @RequiresPermission(Permission.MANAGE_SUBSCRIPTIONS)
    HttpResponse<?> change(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                           @PathVariable String subscriptionId, @Body JsonNode body) {
        if (body == null || !body.isObject()) {
            return problems.respond(request, HttpStatus.BAD_REQUEST, "malformed_request");
        }
        Optional<Boolean> autoRenew = Optional.empty();
        boolean cancel = false;
        for (Map.Entry<String, JsonNode> field : body.entries()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (AUTO_RENEW.equals(name)) {
                if (!value.isBoolean()) {
                    return malformed(request, AUTO_RENEW);
                }
                autoRenew = Optional.of(value.getBooleanValue());
            } else if (STATUS.equals(name)) {
                if (!value.isString()) {
                    return malformed(request, STATUS);
                }
                String status = value.getStringValue().strip().toLowerCase(Locale.ROOT);
                if ("active".equals(status)) {
                    continue; // PC clients send the subscription back as it is: an active one stays active
                }
                if (!CANCELLING.contains(status)) {
                    return problems.badField(request, "subscription_status_invalid", STATUS);
                }
                cancel = true;
            } else if (!PARTNER_CENTER_FIELDS.contains(name)) {
                return problems.badField(request, "field_unknown", name);
            }
        }
        if (cancel && autoRenew.isPresent()) {
            return problems.badField(request, "one_change_at_a_time", STATUS);
        }
        if (!cancel && autoRenew.isEmpty()) {
            return problems.badField(request, "subscription_change_missing", AUTO_RENEW);
        }
        ChangeSubscription.Change change = cancel ? new ChangeSubscription.Cancel()
                : new ChangeSubscription.SwitchAutoRenew(autoRenew.get());
        CustomerRef customer = CustomerRef.parse(customerId).orElse(null);
        return idempotent.run(request, caller, body, () -> answer(request, caller, subscriptionId,
                changeSubscription.change(new ChangeSubscription.ChangeCommand(customer, subscriptionId, change),
                        Actors.of(caller))));
    }

    /** A value of the wrong type, as the API answers one anywhere: {@code malformed_request} naming the field. */
    private MutableHttpResponse<?> malformed(HttpRequest<?> request, String field) {
        return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, "malformed_request",
                List.of(problems.fieldError(request, field, "malformed"))));
    }

    private MutableHttpResponse<?> answer(HttpRequest<?> request, Authentication caller, String subscriptionId,
                                          ChangeSubscription.ChangeResult result) {
        if (result instanceof ChangeSubscription.Changed changed) {
            return HttpResponse.ok(SubscriptionJson.of(changed.subscription()));
        }
        if (result instanceof ChangeSubscription.NotPermitted) {
            return Refusals.notPermitted(caller);
        }
        if (result instanceof ChangeSubscription.NotFound notFound) {
            return problems.respond(request, HttpStatus.NOT_FOUND, notFound.code(), subscriptionId);
        }
        ChangeSubscription.Refused refused = (ChangeSubscription.Refused) result;
        Problem problem = problems.problem(request, HttpStatus.CONFLICT, refused.code(), List.of(),
                refused.windowEndsAt().map(Instant::toString).orElse(""));
        return problems.respond(request, problem);
    }

    /** The next page's link, under the customer's tenant id (the token is scoped to it). */
    private static String next(Page<SubscriptionView> page, int pageSize) {
        return page.continuationToken().filter(token -> !page.items().isEmpty())
                .map(token -> UriBuilder.of(SubscriptionJson.collection(page.items().get(0).customerTenantId()))
                        .queryParam("size", pageSize).queryParam("continuationToken", token).toString())
                .orElse(null);
    }
}
