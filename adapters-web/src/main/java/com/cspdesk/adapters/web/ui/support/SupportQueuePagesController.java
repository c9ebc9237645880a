package com.cspdesk.adapters.web.ui.support;

import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.adapters.web.ui.shared.UiForms;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.support.port.in.ReadServiceRequests;
import com.cspdesk.application.support.port.in.ServiceRequestView;
import com.cspdesk.application.support.port.in.UpdateServiceRequest;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.support.ServiceRequestStatus;
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
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Support requests that end (#16 item 4) on the dashboard: support staff's queue (every request, by
 * status), and the forms of a request's page — a note (both sides), a status move (each side its own),
 * and support staff's resolution (an approved amount, or a decline with the reason the partner reads).
 * Each form posts to the same use case as {@code PATCH /v1/servicerequests/{id}}; a refusal shows the
 * request again with the reason.
 */
@Hidden
@Controller(UiUrls.SUPPORT)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@RequiresPermission(Permission.FOLLOW_SERVICE_REQUESTS)
public class SupportQueuePagesController {

    static final List<String> STATUSES = Arrays.stream(ServiceRequestStatus.values()).map(ServiceRequestStatus::code).toList();

    private final ReadServiceRequests readServiceRequests;
    private final UpdateServiceRequest updateServiceRequest;
    private final UiPages pages;

    SupportQueuePagesController(ReadServiceRequests readServiceRequests, UpdateServiceRequest updateServiceRequest, UiPages pages) {
        this.readServiceRequests = readServiceRequests;
        this.updateServiceRequest = updateServiceRequest;
        this.pages = pages;
    }

    /** Every request, newest first; {@code ?status=open} those in one status. */
    @Get("/queue")
    @RequiresPermission(Permission.HANDLE_SERVICE_REQUESTS)
    HttpResponse<?> queue(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String status,
                          @Nullable @QueryValue String page) {
        Optional<ServiceRequestStatus> in = ServiceRequestStatus.parse(status);
        Lookup<Page<ServiceRequestView>> found;
        try {
            found = readServiceRequests.list(new PageRequest(UiPages.PAGE_SIZE, Optional.ofNullable(page)), in, Actors.of(caller));
        } catch (InvalidContinuationToken stale) {
            return UiPages.redirect(request, UiUrls.SUPPORT + "/queue");
        }
        return pages.answer(request, caller, found, requests -> {
            Map<String, Object> model = UiPages.section("support.queue.title");
            model.put("section", "support-queue");
            model.put("requests", requests.items());
            model.put("total", requests.totalCount());
            model.put("statuses", STATUSES);
            model.put("status", in.map(ServiceRequestStatus::code).orElse(""));
            model.put("isFirstPage", page == null || page.isBlank());
            requests.continuationToken().ifPresent(token -> {
                UriBuilder next = UriBuilder.of(UiUrls.SUPPORT + "/queue");
                in.ifPresent(s -> next.queryParam("status", s.code()));
                model.put("nextHref", next.queryParam("page", token).toString());
            });
            return pages.page(request, "support/queue", model);
        });
    }

    @Post("/{requestId}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> note(HttpRequest<?> request, Authentication caller, @PathVariable String requestId, @Body FollowUpForm form) {
        return update(request, caller, requestId, new UpdateServiceRequest.Change(null, UiForms.text(form.text()), null),
                "support_note_added");
    }

    @Post("/{requestId}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> status(HttpRequest<?> request, Authentication caller, @PathVariable String requestId, @Body FollowUpForm form) {
        return update(request, caller, requestId, new UpdateServiceRequest.Change(UiForms.text(form.status()), null, null),
                "support_updated");
    }

    @Post("/{requestId}/resolution")
    @RequiresPermission(Permission.HANDLE_SERVICE_REQUESTS)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> resolve(HttpRequest<?> request, Authentication caller, @PathVariable String requestId, @Body FollowUpForm form) {
        String outcome = UiForms.text(form.outcome());
        boolean approved = ServiceRequestView.Resolution.APPROVED.equals(outcome);
        UpdateServiceRequest.ResolutionInput resolution = new UpdateServiceRequest.ResolutionInput(outcome,
                approved ? UiForms.text(form.amount()).replace(',', '.').replace(" ", "") : null,
                approved ? UiForms.text(form.currency()) : null, UiForms.text(form.reason()));
        return update(request, caller, requestId, new UpdateServiceRequest.Change(null, null, resolution), "support_resolved");
    }

    private HttpResponse<?> update(HttpRequest<?> request, Authentication caller, String requestId,
                                   UpdateServiceRequest.Change change, String done) {
        Actor actor = Actors.of(caller);
        UpdateServiceRequest.UpdateResult result = updateServiceRequest.update(requestId, change, actor);
        if (result instanceof UpdateServiceRequest.Updated updated) {
            return UiPages.redirect(request, UiUrls.SUPPORT + "/" + UiUrls.encode(updated.request().id()) + "?done=" + done);
        }
        if (result instanceof UpdateServiceRequest.NotPermitted) {
            return Refusals.notPermitted(caller);
        }
        if (result instanceof UpdateServiceRequest.RequestNotFound) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.support_not_found");
        }
        String reason;
        HttpStatus status;
        if (result instanceof UpdateServiceRequest.Conflict conflict) {
            reason = conflict.reason();
            status = HttpStatus.CONFLICT;
        } else if (result instanceof UpdateServiceRequest.Unprocessable unprocessable) {
            reason = unprocessable.reason();
            status = HttpStatus.UNPROCESSABLE_ENTITY;
        } else {
            reason = ((UpdateServiceRequest.Refused) result).reason();
            status = HttpStatus.BAD_REQUEST;
        }
        Optional<ServiceRequestView> shown = readServiceRequests.get(requestId, actor).ifFound();
        if (shown.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.support_not_found");
        }
        Map<String, Object> model = ServiceRequestDetail.model(shown.get(), actor);
        model.put("followUpErrorKey", "problem." + reason + ".detail");
        model.put("v", change);
        return pages.render(request, status, "support/detail", model);
    }

    /** The fields of the request page's forms (each form sends some of them) and the CSRF token. */
    @Serdeable
    record FollowUpForm(@Nullable String text, @Nullable String status, @Nullable String outcome, @Nullable String amount,
                        @Nullable String currency, @Nullable String reason, @Nullable String csrfToken) {
    }
}
