package com.cspdesk.adapters.web.ui.subscriptions;

import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.application.customers.port.in.CustomerView;
import com.cspdesk.application.customers.port.in.GetCustomer;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.subscriptions.port.in.ChangeSubscription;
import com.cspdesk.application.subscriptions.port.in.GetSubscription;
import com.cspdesk.application.subscriptions.port.in.ListSubscriptions;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
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

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Issue #16: the customer's Subscriptions tab — each subscription with its term, status and auto-renew;
 * the auto-renew switch is a form button for whoever may manage subscriptions (a customer's admin reads
 * only), and "Cancel renewal" opens a page that shows the credit and the window first and cancels on
 * its button. Plain forms and links: no script needed.
 */
@Hidden
@Controller(SubscriptionPagesController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class SubscriptionPagesController {

    static final String PATH = UiUrls.CUSTOMERS + "/{customerId}/subscriptions";

    private final GetCustomer getCustomer;
    private final ListSubscriptions listSubscriptions;
    private final GetSubscription getSubscription;
    private final ChangeSubscription changeSubscription;
    private final UiPages pages;

    SubscriptionPagesController(GetCustomer getCustomer, ListSubscriptions listSubscriptions,
                                GetSubscription getSubscription, ChangeSubscription changeSubscription, UiPages pages) {
        this.getCustomer = getCustomer;
        this.listSubscriptions = listSubscriptions;
        this.getSubscription = getSubscription;
        this.changeSubscription = changeSubscription;
        this.pages = pages;
    }

    @Get
    @RequiresPermission(Permission.VIEW_ORDERS)
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                         @Nullable @QueryValue String page) {
        return list(request, caller, customerId, page, HttpStatus.OK, null);
    }

    @Post("/{subscriptionId}/auto-renew")
    @RequiresPermission(Permission.MANAGE_SUBSCRIPTIONS)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> autoRenew(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                              @PathVariable String subscriptionId, @Body AutoRenewForm form) {
        boolean on = "true".equals(form.on());
        return change(request, caller, customerId, subscriptionId, new ChangeSubscription.SwitchAutoRenew(on),
                "subscription_updated");
    }

    @Get("/{subscriptionId}/cancel-renewal")
    @RequiresPermission(Permission.CANCEL_PURCHASE)
    HttpResponse<?> confirmCancel(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                                  @PathVariable String subscriptionId) {
        Actor actor = Actors.of(caller);
        CustomerRef ref = CustomerRef.parse(customerId).orElse(null);
        return pages.answer(request, caller, getCustomer.get(ref, actor)
                .flatMap(customer -> getSubscription.get(ref, subscriptionId, actor).map(subscription -> {
                    Map<String, Object> model = detail(customer);
                    model.put("titleKey", "subscriptions.cancelRenewal.title");
                    model.put("subscription", subscription);
                    return model;
                })), model -> pages.page(request, "customers/subscription-cancel", model));
    }

    @Post("/{subscriptionId}/cancel-renewal")
    @RequiresPermission(Permission.CANCEL_PURCHASE)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                           @PathVariable String subscriptionId, @Body CancelForm form) {
        return change(request, caller, customerId, subscriptionId, new ChangeSubscription.Cancel(), "renewal_cancelled");
    }

    private HttpResponse<?> change(HttpRequest<?> request, Authentication caller, String customerId, String subscriptionId,
                                   ChangeSubscription.Change change, String done) {
        Actor actor = Actors.of(caller);
        CustomerRef ref = CustomerRef.parse(customerId).orElse(null);
        ChangeSubscription.ChangeResult result = changeSubscription.change(
                new ChangeSubscription.ChangeCommand(ref, subscriptionId, change), actor);
        if (result instanceof ChangeSubscription.Changed changed) {
            return UiPages.redirect(request, UiUrls.CUSTOMERS + "/" + changed.subscription().customerTenantId()
                    + "/subscriptions?done=" + done);
        }
        if (result instanceof ChangeSubscription.NotPermitted) {
            return Refusals.notPermitted(caller);
        }
        if (result instanceof ChangeSubscription.NotFound notFound) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error." + notFound.code());
        }
        ChangeSubscription.Refused refused = (ChangeSubscription.Refused) result;
        return list(request, caller, customerId, null, HttpStatus.CONFLICT, "problem." + refused.code() + ".title");
    }

    private HttpResponse<?> list(HttpRequest<?> request, Authentication caller, String customerId, @Nullable String page,
                                 HttpStatus status, @Nullable String errorKey) {
        Actor actor = Actors.of(caller);
        CustomerRef ref = CustomerRef.parse(customerId).orElse(null);
        Lookup<Map<String, Object>> model;
        try {
            model = getCustomer.get(ref, actor).flatMap(customer -> listSubscriptions.list(ref,
                    new PageRequest(UiPages.PAGE_SIZE, Optional.ofNullable(page)), actor).map(subscriptions -> {
                        Map<String, Object> shown = detail(customer);
                        shown.put("subscriptions", subscriptions.items());
                        shown.put("total", subscriptions.totalCount());
                        subscriptions.continuationToken().ifPresent(token -> shown.put("nextHref",
                                UriBuilder.of(UiUrls.CUSTOMERS + "/" + customer.tenantId() + "/subscriptions")
                                        .queryParam("page", token).toString()));
                        shown.put("isFirstPage", page == null || page.isBlank());
                        shown.put("canManage", actor.may(Permission.MANAGE_SUBSCRIPTIONS));
                        shown.put("canCancel", actor.may(Permission.CANCEL_PURCHASE));
                        if (errorKey != null) {
                            shown.put("errorKey", errorKey);
                        }
                        return shown;
                    }));
        } catch (InvalidContinuationToken stale) {
            return UiPages.redirect(request, UiUrls.CUSTOMERS + "/" + UiUrls.encode(customerId) + "/subscriptions");
        }
        return pages.answer(request, caller, model, shown -> pages.render(request, status, "customers/subscriptions", shown));
    }

    private static Map<String, Object> detail(CustomerView customer) {
        Map<String, Object> model = new HashMap<>(UiPages.section("customer.title"));
        model.put("customer", customer);
        model.put("tab", "subscriptions");
        model.put("base", UiUrls.CUSTOMERS + "/" + customer.tenantId());
        return model;
    }

    /** The auto-renew switch's button: {@code on} is what it switches to. */
    @Serdeable
    record AutoRenewForm(@Nullable String on, @Nullable String csrfToken) {
    }

    @Serdeable
    record CancelForm(@Nullable String csrfToken) {
    }
}
