package com.cspdesk.adapters.web.applications;

import com.cspdesk.adapters.web.apidoc.ApiDoc;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.cspdesk.adapters.web.api.Answers;
import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.applications.ApplicationRequests.ApplicationResponse;
import com.cspdesk.adapters.web.applications.ApplicationRequests.NewCredentialResponse;
import com.cspdesk.adapters.web.applications.ApplicationRequests.RegisterApplicationRequest;
import com.cspdesk.adapters.web.applications.ApplicationRequests.RegisteredResponse;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.application.identity.port.in.AddApplicationCredential;
import com.cspdesk.application.identity.port.in.GetApplication;
import com.cspdesk.application.identity.port.in.ListApplications;
import com.cspdesk.application.identity.port.in.RegisterApplication;
import com.cspdesk.application.identity.port.in.RemoveApplicationCredential;
import com.cspdesk.application.identity.port.in.UnregisterApplication;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.identity.Role;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * api.md "Service callers": {@code /v1/applications}, global admins only (an application itself never
 * manages applications). The answers that carry a new secret are {@code no-store} and never kept for an
 * {@code MS-RequestId} replay, as the second factor's enrolment is not: the secret is shown once and
 * then exists only as a hash. So a retried registration registers a second application (delete the spare).
 */
@Tag(name = "applications")
@Controller("/v1/applications")
@RequiresPermission(Permission.MANAGE_APPLICATIONS)
@ExecuteOn(TaskExecutors.BLOCKING)
class ApplicationsController {

    private static final String NOT_FOUND = "application_not_found";

    private final RegisterApplication registerApplication;
    private final ListApplications listApplications;
    private final GetApplication getApplication;
    private final AddApplicationCredential addCredential;
    private final RemoveApplicationCredential removeCredential;
    private final UnregisterApplication unregisterApplication;
    private final Problems problems;
    private final Answers answers;

    ApplicationsController(RegisterApplication registerApplication, ListApplications listApplications,
                           GetApplication getApplication, AddApplicationCredential addCredential,
                           RemoveApplicationCredential removeCredential, UnregisterApplication unregisterApplication,
                           Problems problems, Answers answers) {
        this.registerApplication = registerApplication;
        this.listApplications = listApplications;
        this.getApplication = getApplication;
        this.addCredential = addCredential;
        this.removeCredential = removeCredential;
        this.unregisterApplication = unregisterApplication;
        this.problems = problems;
        this.answers = answers;
    }

    @Operation(summary = "Registers an application (a service caller) with its roles: the secret is shown once")
    @RequestBody(content = @Content(examples = @ExampleObject(value = "{\"name\": \"Billing export\", \"roles\": [\"SALES_AGENT\"]}")))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ApplicationRequests.RegisteredResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @Post
    HttpResponse<?> register(HttpRequest<?> request, Authentication caller, @Valid @Body RegisterApplicationRequest body) {
        Optional<String> unknown = body.roles().stream().filter(name -> role(name).isEmpty()).findFirst();
        if (unknown.isPresent()) {
            return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, "validation_failed",
                    List.of(problems.fieldError(request, "roles", "role_unknown", String.valueOf(unknown.get())))));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        body.roles().forEach(name -> roles.add(role(name).orElseThrow()));
        RegisterApplication.RegisterOutcome outcome = registerApplication.register(body.name(), roles, Actors.of(caller));
        if (outcome instanceof RegisterApplication.Registered registered) {
            return noStore(HttpResponse.created(RegisteredResponse.of(registered.application(), registered.secret()),
                    URI.create("/v1/applications/" + registered.application().id())));
        }
        if (outcome instanceof RegisterApplication.Refused refused) {
            return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, "validation_failed",
                    List.of(problems.fieldError(request, refused.field(), refused.reason().code()))));
        }
        return Refusals.notPermitted(caller);
    }

    @Operation(summary = "Lists the applications, revoked ones marked")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(allOf = {ResourceCollection.class, ApplicationRequests.ApplicationItems.class})))
    @Get
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller) {
        return answers.of(request, caller, listApplications.list(Actors.of(caller)),
                applications -> HttpResponse.ok(ResourceCollection.of(applications.stream().map(ApplicationResponse::of).toList())));
    }

    @Operation(summary = "Reads an application and its secrets (hints only)")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ApplicationRequests.ApplicationResponse.class)))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Get("/{applicationId}")
    HttpResponse<?> get(HttpRequest<?> request, Authentication caller, @PathVariable String applicationId) {
        return answers.of(request, caller, getApplication.get(applicationId, Actors.of(caller)),
                application -> HttpResponse.ok(ApplicationResponse.of(application)));
    }

    @Operation(summary = "Adds a secret for rotation: shown once")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ApplicationRequests.NewCredentialResponse.class)))
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
    @Post("/{applicationId}/secrets")
    HttpResponse<?> addCredential(HttpRequest<?> request, Authentication caller, @PathVariable String applicationId) {
        AddApplicationCredential.AddCredentialOutcome outcome = addCredential.addCredential(applicationId, Actors.of(caller));
        if (outcome instanceof AddApplicationCredential.Added added) {
            return noStore(HttpResponse.created(NewCredentialResponse.of(added.secret()), URI.create("/v1/applications/"
                    + added.secret().applicationId() + "/secrets/" + added.secret().credentialId())));
        }
        if (outcome instanceof AddApplicationCredential.NotFound) {
            return problems.respond(request, HttpStatus.NOT_FOUND, NOT_FOUND);
        }
        if (outcome instanceof AddApplicationCredential.ApplicationRevoked) {
            return problems.respond(request, HttpStatus.CONFLICT, "application_revoked");
        }
        if (outcome instanceof AddApplicationCredential.TooManyCredentials tooMany) {
            return problems.respond(request, HttpStatus.CONFLICT, "application_credential_limit", tooMany.limit());
        }
        return Refusals.notPermitted(caller);
    }

    /** Revokes one secret (204, again 204 when it already was); the application's other secrets work on. */
    @Operation(summary = "Revokes one secret; the others work on")
    @ApiResponse(responseCode = "204", description = "Revoked (also when it already was)")
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Delete("/{applicationId}/secrets/{credentialId}")
    HttpResponse<?> removeCredential(HttpRequest<?> request, Authentication caller, @PathVariable String applicationId,
                                     @PathVariable String credentialId) {
        return answer(request, caller, removeCredential.removeCredential(applicationId, credentialId, Actors.of(caller)),
                "application_credential_not_found");
    }

    /** Revokes the application (204, again 204 when it already was); it stays listed, marked revoked. */
    @Operation(summary = "Revokes the application: its tokens end at once")
    @ApiResponse(responseCode = "204", description = "Revoked (also when it already was)")
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Delete("/{applicationId}")
    HttpResponse<?> unregister(HttpRequest<?> request, Authentication caller, @PathVariable String applicationId) {
        return answer(request, caller, unregisterApplication.unregister(applicationId, Actors.of(caller)), NOT_FOUND);
    }

    private HttpResponse<?> answer(HttpRequest<?> request, Authentication caller, RemoveApplicationCredential.Outcome outcome,
                                   String notFound) {
        return switch (outcome) {
            case REMOVED, ALREADY_REMOVED -> HttpResponse.noContent();
            case NOT_FOUND -> problems.respond(request, HttpStatus.NOT_FOUND, notFound);
            case NOT_PERMITTED -> Refusals.notPermitted(caller);
        };
    }

    private static MutableHttpResponse<?> noStore(MutableHttpResponse<?> response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header(HttpHeaders.PRAGMA, "no-cache");
    }

    private static Optional<Role> role(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
