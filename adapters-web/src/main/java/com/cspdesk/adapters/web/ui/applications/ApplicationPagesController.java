package com.cspdesk.adapters.web.ui.applications;

import io.swagger.v3.oas.annotations.Hidden;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.adapters.web.ui.shared.UiForms;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.application.identity.port.in.AddApplicationCredential;
import com.cspdesk.application.identity.port.in.ApplicationView;
import com.cspdesk.application.identity.port.in.IssuedSecret;
import com.cspdesk.application.identity.port.in.ListApplications;
import com.cspdesk.application.identity.port.in.RegisterApplication;
import com.cspdesk.application.identity.port.in.RemoveApplicationCredential;
import com.cspdesk.application.identity.port.in.UnregisterApplication;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.identity.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings menu's <b>Applications</b> page ({@code /ui/settings/applications}), global admins only:
 * the registered applications with their secrets' hints, a form to register one (with one role; the API
 * takes several), and buttons to add a secret and to revoke a secret or an application. A new secret is
 * shown on the answer that made it, {@code no-store}, and never again.
 */
@Hidden
@Controller(UiUrls.APPLICATIONS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@RequiresPermission(Permission.MANAGE_APPLICATIONS)
class ApplicationPagesController {

    private static final String TEMPLATE = "applications/list";
    /** The roles an application may be given (the domain's rule: partner roles). */
    private static final List<String> ROLES = Arrays.stream(Role.values()).filter(role -> !role.isCustomerRole())
            .map(Role::name).toList();

    private final ListApplications listApplications;
    private final RegisterApplication registerApplication;
    private final AddApplicationCredential addCredential;
    private final RemoveApplicationCredential removeCredential;
    private final UnregisterApplication unregisterApplication;
    private final UiPages pages;

    ApplicationPagesController(ListApplications listApplications, RegisterApplication registerApplication,
                               AddApplicationCredential addCredential, RemoveApplicationCredential removeCredential,
                               UnregisterApplication unregisterApplication, UiPages pages) {
        this.listApplications = listApplications;
        this.registerApplication = registerApplication;
        this.addCredential = addCredential;
        this.removeCredential = removeCredential;
        this.unregisterApplication = unregisterApplication;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> page(HttpRequest<?> request, Authentication caller) {
        return render(request, caller, HttpStatus.OK, Optional.empty(), null, null);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> register(HttpRequest<?> request, Authentication caller, @Body RegisterForm form) {
        Optional<Role> role = role(form.role());
        if (role.isEmpty()) {
            return render(request, caller, HttpStatus.BAD_REQUEST, Optional.empty(), "field.roles_missing", form);
        }
        RegisterApplication.RegisterOutcome outcome = registerApplication.register(UiForms.text(form.name()), Set.of(role.get()),
                Actors.of(caller));
        if (outcome instanceof RegisterApplication.Registered registered) {
            return render(request, caller, HttpStatus.CREATED, Optional.of(registered.secret()), null, null);
        }
        if (outcome instanceof RegisterApplication.Refused refused) {
            return render(request, caller, HttpStatus.BAD_REQUEST, Optional.empty(), "field." + refused.reason().code(), form);
        }
        return Refusals.notPermitted(caller);
    }

    @Post("/{applicationId}/secrets")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> addCredential(HttpRequest<?> request, Authentication caller, @PathVariable String applicationId) {
        AddApplicationCredential.AddCredentialOutcome outcome = addCredential.addCredential(applicationId, Actors.of(caller));
        if (outcome instanceof AddApplicationCredential.Added added) {
            return render(request, caller, HttpStatus.CREATED, Optional.of(added.secret()), null, null);
        }
        if (outcome instanceof AddApplicationCredential.NotFound) {
            return pages.error(request, HttpStatus.NOT_FOUND, "problem.application_not_found.detail");
        }
        if (outcome instanceof AddApplicationCredential.ApplicationRevoked) {
            return pages.error(request, HttpStatus.CONFLICT, "problem.application_revoked.detail");
        }
        if (outcome instanceof AddApplicationCredential.TooManyCredentials tooMany) {
            return pages.error(request, HttpStatus.CONFLICT, "problem.application_credential_limit.detail", tooMany.limit());
        }
        return Refusals.notPermitted(caller);
    }

    @Post("/{applicationId}/secrets/{credentialId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> revokeCredential(HttpRequest<?> request, Authentication caller, @PathVariable String applicationId,
                                     @PathVariable String credentialId) {
        return afterRevoking(request, caller, removeCredential.removeCredential(applicationId, credentialId, Actors.of(caller)),
                "problem.application_credential_not_found.detail");
    }

    @Post("/{applicationId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> unregister(HttpRequest<?> request, Authentication caller, @PathVariable String applicationId) {
        return afterRevoking(request, caller, unregisterApplication.unregister(applicationId, Actors.of(caller)),
                "problem.application_not_found.detail");
    }

    private HttpResponse<?> afterRevoking(HttpRequest<?> request, Authentication caller, RemoveApplicationCredential.Outcome outcome,
                                          String notFoundKey) {
        return switch (outcome) {
            case REMOVED, ALREADY_REMOVED -> UiPages.redirect(request, UiUrls.APPLICATIONS);
            case NOT_FOUND -> pages.error(request, HttpStatus.NOT_FOUND, notFoundKey);
            case NOT_PERMITTED -> Refusals.notPermitted(caller);
        };
    }

    private HttpResponse<?> render(HttpRequest<?> request, Authentication caller, HttpStatus status, Optional<IssuedSecret> issued,
                                   @Nullable String errorKey, @Nullable RegisterForm form) {
        Actor actor = Actors.of(caller);
        Lookup<List<ApplicationView>> applications = listApplications.list(actor);
        return pages.answer(request, caller, applications, list -> {
            Map<String, Object> model = UiPages.section("applications.title");
            model.put("applications", list);
            model.put("roles", ROLES);
            model.put("issued", issued.orElse(null));
            model.put("errorKey", errorKey);
            model.put("form", form == null ? new RegisterForm("", "", null) : form);
            MutableHttpResponse<String> page = pages.render(request, status, TEMPLATE, model);
            // A page showing a secret is kept by no cache and no history.
            return issued.isPresent() ? UiPages.noStore(page) : page;
        });
    }

    private static Optional<Role> role(@Nullable String name) {
        return ROLES.stream().filter(known -> name != null && known.equals(name.strip().toUpperCase(Locale.ROOT)))
                .findFirst().map(Role::valueOf);
    }

    @Serdeable
    record RegisterForm(@Nullable String name, @Nullable String role, @Nullable String csrfToken) {
    }
}
