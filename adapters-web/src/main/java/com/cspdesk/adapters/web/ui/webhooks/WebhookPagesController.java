package com.cspdesk.adapters.web.ui.webhooks;

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
import com.cspdesk.application.webhooks.port.in.DeleteWebhookRegistration;
import com.cspdesk.application.webhooks.port.in.GetWebhookRegistration;
import com.cspdesk.application.webhooks.port.in.ListWebhookEvents;
import com.cspdesk.application.webhooks.port.in.ReadWebhookDeliveries;
import com.cspdesk.application.webhooks.port.in.RedeliverWebhook;
import com.cspdesk.application.webhooks.port.in.RegisterWebhook;
import com.cspdesk.application.webhooks.port.in.RotateWebhookSecret;
import com.cspdesk.application.webhooks.port.in.TestWebhook;
import com.cspdesk.application.webhooks.port.in.UpdateWebhookRegistration;
import com.cspdesk.application.webhooks.port.in.WebhookChange;
import com.cspdesk.application.webhooks.port.in.WebhookDeliveryView;
import com.cspdesk.application.webhooks.port.in.WebhookRegistrationView;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.webhooks.DeliveryStatus;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings menu's <b>Webhooks</b> page ({@code /ui/settings/webhooks}), for those who may manage the
 * partner's webhook (issue #15): the registration (URL, events, whether it is on or failing), forms to
 * register, change and delete it, a new signing secret (shown on the answer that made it, {@code no-store},
 * never again), a test event (its correlation id, and on reload whether it arrived), and the delivery log
 * (newest first, by status, in pages) with each delivery's attempts and a "Redeliver" button.
 */
@Hidden
@Controller(UiUrls.WEBHOOKS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@RequiresPermission(Permission.MANAGE_WEBHOOKS)
class WebhookPagesController {

    private static final String TEMPLATE = "webhooks/settings";
    private static final String DELIVERY_TEMPLATE = "webhooks/delivery";
    private static final List<String> STATUSES = Arrays.stream(DeliveryStatus.values()).map(DeliveryStatus::wireName).toList();
    /** Form fields: the URL and the events (one checkbox each, so the field repeats). */
    private static final String URL_FIELD = "url";
    private static final String EVENTS_FIELD = "events";

    private final GetWebhookRegistration getRegistration;
    private final ListWebhookEvents listEvents;
    private final RegisterWebhook registerWebhook;
    private final UpdateWebhookRegistration updateRegistration;
    private final DeleteWebhookRegistration deleteRegistration;
    private final RotateWebhookSecret rotateSecret;
    private final TestWebhook testWebhook;
    private final ReadWebhookDeliveries readDeliveries;
    private final RedeliverWebhook redeliverWebhook;
    private final UiPages pages;

    WebhookPagesController(GetWebhookRegistration getRegistration, ListWebhookEvents listEvents, RegisterWebhook registerWebhook,
                           UpdateWebhookRegistration updateRegistration, DeleteWebhookRegistration deleteRegistration,
                           RotateWebhookSecret rotateSecret, TestWebhook testWebhook, ReadWebhookDeliveries readDeliveries,
                           RedeliverWebhook redeliverWebhook, UiPages pages) {
        this.getRegistration = getRegistration;
        this.listEvents = listEvents;
        this.registerWebhook = registerWebhook;
        this.updateRegistration = updateRegistration;
        this.deleteRegistration = deleteRegistration;
        this.rotateSecret = rotateSecret;
        this.testWebhook = testWebhook;
        this.readDeliveries = readDeliveries;
        this.redeliverWebhook = redeliverWebhook;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> page(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String status,
                         @Nullable @QueryValue String page, @Nullable @QueryValue String test) {
        View view = new View(HttpStatus.OK);
        view.status = Optional.ofNullable(status).flatMap(DeliveryStatus::ofWireName);
        view.pageToken = Optional.ofNullable(page).filter(token -> !token.isBlank() && token.length() <= 1024);
        view.test = Optional.ofNullable(test).filter(id -> !id.isBlank() && id.length() <= 100);
        return render(request, caller, view);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> register(HttpRequest<?> request, Authentication caller, @Body Map<String, Object> form) {
        String url = UiForms.first(form.get(URL_FIELD));
        List<String> events = UiForms.values(form.get(EVENTS_FIELD));
        WebhookChange change = registerWebhook.register(url, events, Actors.of(caller));
        if (change instanceof WebhookChange.Done done) {
            View view = new View(HttpStatus.CREATED);
            view.secret = done.secret();
            return render(request, caller, view);
        }
        return refused(request, caller, change, url, events);
    }

    @Post("/update")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> update(HttpRequest<?> request, Authentication caller, @Body Map<String, Object> form) {
        String url = UiForms.first(form.get(URL_FIELD));
        List<String> events = UiForms.values(form.get(EVENTS_FIELD));
        WebhookChange change = updateRegistration.update(url, events, Actors.of(caller));
        if (change instanceof WebhookChange.Done) {
            return UiPages.redirect(request, UiUrls.WEBHOOKS + "?done=webhook_updated");
        }
        return refused(request, caller, change, url, events);
    }

    @Post("/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(HttpRequest<?> request, Authentication caller) {
        return switch (deleteRegistration.delete(Actors.of(caller))) {
            case DELETED, NOT_FOUND -> UiPages.redirect(request, UiUrls.WEBHOOKS + "?done=webhook_deleted");
            case NOT_PERMITTED -> Refusals.notPermitted(caller);
        };
    }

    @Post("/secret")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> rotate(HttpRequest<?> request, Authentication caller) {
        WebhookChange change = rotateSecret.rotate(Actors.of(caller));
        if (change instanceof WebhookChange.Done done) {
            View view = new View(HttpStatus.CREATED);
            view.secret = done.secret();
            return render(request, caller, view);
        }
        if (change instanceof WebhookChange.NotFound) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.webhook_registration_not_found");
        }
        return Refusals.notPermitted(caller);
    }

    /** Raises the test event and comes back to the page naming it, so a reload tells whether it arrived. */
    @Post("/test")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> sendTest(HttpRequest<?> request, Authentication caller) {
        return pages.answer(request, caller, testWebhook.sendTest(Actors.of(caller)), correlationId -> UiPages.redirect(request,
                UriBuilder.of(UiUrls.WEBHOOKS).queryParam("test", correlationId).queryParam("done", "webhook_test_sent").toString()));
    }

    @Get("/deliveries/{id}")
    HttpResponse<?> delivery(HttpRequest<?> request, Authentication caller, @PathVariable String id) {
        return pages.answer(request, caller, readDeliveries.delivery(id, Actors.of(caller)), delivery -> {
            Map<String, Object> model = model();
            model.put("delivery", delivery);
            return pages.page(request, DELIVERY_TEMPLATE, model);
        }, "error.webhook_delivery_not_found");
    }

    @Post("/deliveries/{id}/redeliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> redeliver(HttpRequest<?> request, Authentication caller, @PathVariable String id) {
        return pages.answer(request, caller, redeliverWebhook.redeliver(id, Actors.of(caller)), delivery -> UiPages.redirect(request,
                UriBuilder.of(UiUrls.WEBHOOKS).path("deliveries").path(delivery.id()).queryParam("done", "webhook_redelivered")
                        .toString()), "error.webhook_delivery_not_found");
    }

    /** A refused registration or change: the page again with the form as sent and what is wrong with it. */
    private HttpResponse<?> refused(HttpRequest<?> request, Authentication caller, WebhookChange change, String url,
                                    List<String> events) {
        View view = new View(HttpStatus.BAD_REQUEST);
        view.formUrl = Optional.of(url);
        view.formEvents = Optional.of(events);
        if (change instanceof WebhookChange.Refused refusal) {
            view.errorKey = "field." + refusal.reason().code();
            view.errorArgument = refusal.argument() == null ? "" : refusal.argument();
        } else if (change instanceof WebhookChange.EventNotPermitted notPermitted) {
            view.httpStatus = HttpStatus.FORBIDDEN;
            view.errorKey = "problem.webhook_event_not_permitted.detail";
            view.errorArgument = notPermitted.eventName();
        } else if (change instanceof WebhookChange.AlreadyRegistered) {
            view.httpStatus = HttpStatus.CONFLICT;
            view.errorKey = "problem.webhook_registration_exists.detail";
        } else if (change instanceof WebhookChange.NotFound) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.webhook_registration_not_found");
        } else {
            return Refusals.notPermitted(caller);
        }
        return render(request, caller, view);
    }

    private HttpResponse<?> render(HttpRequest<?> request, Authentication caller, View view) {
        Actor actor = Actors.of(caller);
        Lookup<WebhookRegistrationView> registration = getRegistration.get(actor);
        if (registration instanceof Lookup.NotPermitted<WebhookRegistrationView>) {
            return Refusals.notPermitted(caller);
        }
        Lookup<List<String>> available = listEvents.availableEvents(actor);
        return pages.answer(request, caller, available, events -> {
            Optional<WebhookRegistrationView> registered = registration.ifFound();
            Map<String, Object> model = model();
            model.put("registration", registered.orElse(null));
            model.put("availableEvents", events);
            model.put("formUrl", view.formUrl.orElse(registered.map(WebhookRegistrationView::url).orElse("")));
            model.put("formEvents", view.formEvents.orElse(registered.map(WebhookRegistrationView::events).orElse(List.of())));
            model.put("secret", view.secret.orElse(null));
            model.put("errorKey", view.errorKey);
            model.put("errorArgument", view.errorArgument);
            model.put("statuses", STATUSES);
            model.put("status", view.status.map(DeliveryStatus::wireName).orElse(""));
            model.put("deliveries", List.of());
            if (registered.isPresent()) {
                view.test.ifPresent(correlationId -> {
                    model.put("testId", correlationId);
                    testWebhook.test(correlationId, actor).ifFound().ifPresent(test -> model.put("test", test));
                });
                Lookup<Page<WebhookDeliveryView>> log;
                try {
                    log = readDeliveries.deliveries(view.status, new PageRequest(UiPages.PAGE_SIZE, view.pageToken), actor);
                } catch (InvalidContinuationToken stale) {
                    return UiPages.redirect(request, UiUrls.WEBHOOKS);
                }
                log.ifFound().ifPresent(found -> {
                    model.put("deliveries", found.items());
                    model.put("total", found.totalCount());
                    model.put("isFirstPage", view.pageToken.isEmpty());
                    model.put("firstHref", logHref(view.status, null));
                    found.continuationToken().ifPresent(token -> model.put("nextHref", logHref(view.status, token)));
                });
            }
            MutableHttpResponse<String> answer = pages.render(request, view.httpStatus, TEMPLATE, model);
            // A page showing a secret is kept by no cache and no history.
            return view.secret.isPresent() ? UiPages.noStore(answer) : answer;
        });
    }

    private static Map<String, Object> model() {
        Map<String, Object> model = UiPages.section("webhooks.title");
        model.put("section", "webhooks");
        return model;
    }

    private static String logHref(Optional<DeliveryStatus> status, @Nullable String token) {
        UriBuilder uri = UriBuilder.of(UiUrls.WEBHOOKS);
        status.ifPresent(value -> uri.queryParam("status", value.wireName()));
        if (token != null) {
            uri.queryParam("page", token);
        }
        return uri.fragment("deliveries").toString();
    }

    /** One form field's value (the first when repeated), or empty. */

    /** What the page shows beyond the registration and its log: the answer's status, a new secret, a refusal, the form as sent. */
    private static final class View {
        HttpStatus httpStatus;
        Optional<String> secret = Optional.empty();
        @Nullable
        String errorKey;
        /** The one value the refusal's text names (an event), or empty. */
        String errorArgument = "";
        Optional<String> formUrl = Optional.empty();
        Optional<List<String>> formEvents = Optional.empty();
        Optional<DeliveryStatus> status = Optional.empty();
        Optional<String> pageToken = Optional.empty();
        Optional<String> test = Optional.empty();

        View(HttpStatus httpStatus) {
            this.httpStatus = httpStatus;
        }
    }
}
