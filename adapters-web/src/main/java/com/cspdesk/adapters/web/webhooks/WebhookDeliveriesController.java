package com.cspdesk.adapters.web.webhooks;

import com.cspdesk.adapters.web.api.Answers;
import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.apidoc.ApiDoc;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.adapters.web.webhooks.WebhookDeliveryJson.DeliveryDetailResponse;
import com.cspdesk.adapters.web.webhooks.WebhookDeliveryJson.DeliveryItems;
import com.cspdesk.adapters.web.webhooks.WebhookDeliveryJson.DeliveryResponse;
import com.cspdesk.adapters.web.webhooks.WebhookDeliveryJson.ValidationEventResponse;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.webhooks.port.in.ReadWebhookDeliveries;
import com.cspdesk.application.webhooks.port.in.RedeliverWebhook;
import com.cspdesk.application.webhooks.port.in.TestWebhook;
import com.cspdesk.application.webhooks.port.in.WebhookDeliveryView;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.webhooks.DeliveryStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The registration's delivery log and test events (issue #15 items 1 and 4): Partner Center's
 * {@code validationEvents} (send {@code test-created}, then ask whether it was delivered), and ours,
 * {@code deliveries} (every event sent to the registration, newest first, with each attempt) and
 * {@code redeliver}. Who may: {@code MANAGE_WEBHOOKS}, as for the registration; never a customer's user.
 */
@Tag(name = "webhooks")
@Controller(WebhookRegistrationController.REGISTRATION)
@RequiresPermission(Permission.MANAGE_WEBHOOKS)
@ExecuteOn(TaskExecutors.BLOCKING)
class WebhookDeliveriesController {

    static final String DELIVERIES = WebhookRegistrationController.REGISTRATION + "/deliveries";

    private final ReadWebhookDeliveries readDeliveries;
    private final RedeliverWebhook redeliverWebhook;
    private final TestWebhook testWebhook;
    private final Problems problems;
    private final Answers answers;
    private final JsonMapper json;

    WebhookDeliveriesController(ReadWebhookDeliveries readDeliveries, RedeliverWebhook redeliverWebhook, TestWebhook testWebhook,
                                Problems problems, Answers answers, JsonMapper json) {
        this.readDeliveries = readDeliveries;
        this.redeliverWebhook = redeliverWebhook;
        this.testWebhook = testWebhook;
        this.problems = problems;
        this.answers = answers;
        this.json = json;
    }

    /** Partner Center answers the correlation id as a bare JSON string. */
    @Operation(summary = "Sends a test event (test-created) to the registration; answers its correlation id")
    @ApiResponse(responseCode = "200", description = "The correlation id, a JSON string",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = String.class)))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Post("/validationEvents")
    HttpResponse<?> sendTest(HttpRequest<?> request, Authentication caller) {
        return answers.of(request, caller, testWebhook.sendTest(Actors.of(caller)),
                correlationId -> HttpResponse.ok(jsonString(correlationId)).contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    @Operation(summary = "Whether a test event was delivered: pending, completed or failed, with each attempt's answer")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ValidationEventResponse.class)))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Get("/validationEvents/{correlationId}")
    HttpResponse<?> test(HttpRequest<?> request, Authentication caller, @PathVariable String correlationId) {
        return answers.of(request, caller, testWebhook.test(correlationId, Actors.of(caller)),
                delivery -> HttpResponse.ok(ValidationEventResponse.of(correlationId, delivery)));
    }

    @Operation(summary = "The registration's delivery log, newest first, page by page (status: pending, delivered or failed)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(allOf = {ResourceCollection.class, DeliveryItems.class})))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Get("/deliveries")
    HttpResponse<?> deliveries(HttpRequest<?> request, Authentication caller,
                               @QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_SIZE) Integer size,
                               @QueryValue @Nullable @Size(max = 1024) String continuationToken,
                               @QueryValue @Nullable @Schema(allowableValues = {"pending", "delivered", "failed"}) @Size(max = 32)
                               String status) {
        Optional<DeliveryStatus> wanted = Optional.empty();
        if (status != null) {
            wanted = DeliveryStatus.ofWireName(status);
            if (wanted.isEmpty()) {
                return problems.badField(request, "webhook_delivery_status_unknown", "status", status);
            }
        }
        int pageSize = size == null ? PageRequest.DEFAULT_SIZE : size;
        Optional<DeliveryStatus> filter = wanted;
        Lookup<Page<WebhookDeliveryView>> page;
        try {
            page = readDeliveries.deliveries(filter, new PageRequest(pageSize,
                    ResourceCollection.requestedToken(request, continuationToken)), Actors.of(caller));
        } catch (InvalidContinuationToken invalid) {
            return problems.badField(request, "continuation_token_invalid", "continuationToken");
        }
        return answers.of(request, caller, page, deliveries -> HttpResponse.ok(ResourceCollection.of(deliveries.totalCount(),
                deliveries.items().stream().map(DeliveryResponse::of).toList(),
                deliveries.continuationToken().map(token -> {
                    UriBuilder uri = UriBuilder.of(DELIVERIES).queryParam("size", pageSize).queryParam("continuationToken", token);
                    filter.ifPresent(value -> uri.queryParam("status", value.wireName()));
                    return uri.toString();
                }).orElse(null))));
    }

    @Operation(summary = "One delivery of the log with every attempt (its status, latency, and why it failed)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeliveryDetailResponse.class)))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Get("/deliveries/{id}")
    HttpResponse<?> delivery(HttpRequest<?> request, Authentication caller, @PathVariable String id) {
        return answers.of(request, caller, readDeliveries.delivery(id, Actors.of(caller)),
                delivery -> HttpResponse.ok(DeliveryDetailResponse.of(delivery)), id);
    }

    /** 202: the delivery is due again now, under its first webhook-id; the delivery threads send it. */
    @Operation(summary = "Sends a delivery again (delivered, failed or pending), under the same webhook-id, with a fresh day of retries")
    @ApiResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = DeliveryDetailResponse.class)))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Post("/deliveries/{id}/redeliver")
    HttpResponse<?> redeliver(HttpRequest<?> request, Authentication caller, @PathVariable String id) {
        return answers.of(request, caller, redeliverWebhook.redeliver(id, Actors.of(caller)),
                delivery -> HttpResponse.accepted().body(DeliveryDetailResponse.of(delivery)), id);
    }

    private byte[] jsonString(String value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
