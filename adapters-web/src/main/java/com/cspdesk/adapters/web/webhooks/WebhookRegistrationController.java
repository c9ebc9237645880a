package com.cspdesk.adapters.web.webhooks;

import com.cspdesk.adapters.web.api.Answers;
import com.cspdesk.adapters.web.apidoc.ApiDoc;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.adapters.web.webhooks.WebhookJson.RegisteredResponse;
import com.cspdesk.adapters.web.webhooks.WebhookJson.RegistrationRequest;
import com.cspdesk.adapters.web.webhooks.WebhookJson.RegistrationResponse;
import com.cspdesk.adapters.web.webhooks.WebhookJson.SecretResponse;
import com.cspdesk.application.webhooks.port.in.DeleteWebhookRegistration;
import com.cspdesk.application.webhooks.port.in.GetWebhookRegistration;
import com.cspdesk.application.webhooks.port.in.ListWebhookEvents;
import com.cspdesk.application.webhooks.port.in.RegisterWebhook;
import com.cspdesk.application.webhooks.port.in.RotateWebhookSecret;
import com.cspdesk.application.webhooks.port.in.UpdateWebhookRegistration;
import com.cspdesk.application.webhooks.port.in.WebhookChange;
import com.cspdesk.domain.access.Permission;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * Partner Center's webhook registration API (issue #15, first step): {@code /webhooks/v1/registration}
 * (POST, GET, PUT, DELETE), {@code /webhooks/v1/availableEvents}, and {@code POST
 * /webhooks/v1/registration/secret} for a new signing secret. The partner has one registration.
 * Which events a caller may name is the core's rule (an event's reading permission); a customer's user
 * never gets here. Answers holding a secret are {@code no-store} and never kept for an
 * {@code MS-RequestId} replay: the secret is shown once.
 */
@Tag(name = "webhooks")
@Controller("/webhooks/v1")
@RequiresPermission(Permission.MANAGE_WEBHOOKS)
@ExecuteOn(TaskExecutors.BLOCKING)
class WebhookRegistrationController {

    static final String REGISTRATION = "/webhooks/v1/registration";
    /** The body POST and PUT take, as the API document shows it. */
    private static final String REGISTRATION_EXAMPLE =
            "{\"WebhookUrl\": \"https://hooks.partner.example/cspdesk\", \"WebhookEvents\": [\"order-created\", \"order-updated\"]}";

    private final RegisterWebhook registerWebhook;
    private final GetWebhookRegistration getRegistration;
    private final UpdateWebhookRegistration updateRegistration;
    private final DeleteWebhookRegistration deleteRegistration;
    private final RotateWebhookSecret rotateSecret;
    private final ListWebhookEvents listEvents;
    private final Problems problems;
    private final Answers answers;

    WebhookRegistrationController(RegisterWebhook registerWebhook, GetWebhookRegistration getRegistration,
                                  UpdateWebhookRegistration updateRegistration, DeleteWebhookRegistration deleteRegistration,
                                  RotateWebhookSecret rotateSecret, ListWebhookEvents listEvents, Problems problems,
                                  Answers answers) {
        this.registerWebhook = registerWebhook;
        this.getRegistration = getRegistration;
        this.updateRegistration = updateRegistration;
        this.deleteRegistration = deleteRegistration;
        this.rotateSecret = rotateSecret;
        this.listEvents = listEvents;
        this.problems = problems;
        this.answers = answers;
    }

    /** Partner Center's list: every event name a registration may hold. */
    @Operation(summary = "Every event name a registration may hold (Partner Center's availableEvents)")
    @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = String.class))))
    @Get("/availableEvents")
    HttpResponse<?> availableEvents(HttpRequest<?> request, Authentication caller) {
        return answers.of(request, caller, listEvents.availableEvents(Actors.of(caller)), HttpResponse::ok);
    }

    /** 201 with the registration and its signing secret (shown once); 409 when the partner has one already. */
    @Operation(summary = "Registers the partner's webhook: the signing secret (whsec_) is shown once")
    @RequestBody(content = @Content(examples = @ExampleObject(value = REGISTRATION_EXAMPLE)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RegisteredResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "403", ref = ApiDoc.FORBIDDEN)
    @ApiResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
    @Post("/registration")
    HttpResponse<?> register(HttpRequest<?> request, Authentication caller, @Valid @Body RegistrationRequest body) {
        WebhookChange change = registerWebhook.register(body.webhookUrl(), body.webhookEvents(), Actors.of(caller));
        return answer(request, caller, change, done -> noStore(HttpResponse.created(
                RegisteredResponse.of(done.registration(), done.secret().orElseThrow()), URI.create(REGISTRATION))));
    }

    @Operation(summary = "Reads the partner's webhook registration (never its secret)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Get("/registration")
    HttpResponse<?> get(HttpRequest<?> request, Authentication caller) {
        return answers.of(request, caller, getRegistration.get(Actors.of(caller)),
                registration -> HttpResponse.ok(RegistrationResponse.of(registration)));
    }

    /** Replaces the URL and the events (checked as on registration); the signing secret stays. */
    @Operation(summary = "Replaces the registration's URL and events; the signing secret stays")
    @RequestBody(content = @Content(examples = @ExampleObject(value = REGISTRATION_EXAMPLE)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RegistrationResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "403", ref = ApiDoc.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Put("/registration")
    HttpResponse<?> update(HttpRequest<?> request, Authentication caller, @Valid @Body RegistrationRequest body) {
        WebhookChange change = updateRegistration.update(body.webhookUrl(), body.webhookEvents(), Actors.of(caller));
        return answer(request, caller, change, done -> HttpResponse.ok(RegistrationResponse.of(done.registration())));
    }

    @Operation(summary = "Deletes the partner's webhook registration")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Delete("/registration")
    HttpResponse<?> delete(HttpRequest<?> request, Authentication caller) {
        return switch (deleteRegistration.delete(Actors.of(caller))) {
            case DELETED -> HttpResponse.noContent();
            case NOT_FOUND -> problems.respond(request, HttpStatus.NOT_FOUND, "webhook_registration_not_found");
            case NOT_PERMITTED -> Refusals.notPermitted(caller);
        };
    }

    /** A new signing secret (201, shown once); the old one signs no more. */
    @Operation(summary = "Renews the signing secret: the new one is shown once, the old one signs no more")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SecretResponse.class)))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Post("/registration/secret")
    HttpResponse<?> rotate(HttpRequest<?> request, Authentication caller) {
        return answer(request, caller, rotateSecret.rotate(Actors.of(caller)), done -> noStore(HttpResponse.created(
                new SecretResponse(done.registration().id(), done.secret().orElseThrow()), URI.create(REGISTRATION))));
    }

    private HttpResponse<?> answer(HttpRequest<?> request, Authentication caller, WebhookChange change,
                                   Function<WebhookChange.Done, HttpResponse<?>> done) {
        if (change instanceof WebhookChange.Done success) {
            return done.apply(success);
        }
        if (change instanceof WebhookChange.Refused refused) {
            Object[] arguments = refused.argument().isEmpty() ? new Object[0] : new Object[] {refused.argument()};
            return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, "validation_failed",
                    List.of(problems.fieldError(request, refused.field(), refused.reason().code(), arguments))));
        }
        if (change instanceof WebhookChange.EventNotPermitted notPermitted) {
            return problems.respond(request, HttpStatus.FORBIDDEN, "webhook_event_not_permitted", notPermitted.eventName());
        }
        if (change instanceof WebhookChange.NotFound) {
            return problems.respond(request, HttpStatus.NOT_FOUND, "webhook_registration_not_found");
        }
        if (change instanceof WebhookChange.AlreadyRegistered) {
            return problems.respond(request, HttpStatus.CONFLICT, "webhook_registration_exists");
        }
        return Refusals.notPermitted(caller);
    }

    private static MutableHttpResponse<?> noStore(MutableHttpResponse<?> response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header(HttpHeaders.PRAGMA, "no-cache");
    }
}
