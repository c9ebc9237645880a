package com.cspdesk.adapters.web.ui.cancellation;

import io.swagger.v3.oas.annotations.Hidden;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.adapters.web.ui.shared.UiForms;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.application.cancellation.port.in.CancelOrder;
import com.cspdesk.application.cancellation.port.in.CancellationPreview;
import com.cspdesk.application.cancellation.port.in.PreviewCancellation;
import com.cspdesk.application.customers.port.in.CustomerView;
import com.cspdesk.application.customers.port.in.GetCustomer;
import com.cspdesk.application.ordering.port.in.ListOrders;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.cancellation.Acknowledgement;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.order.OrderStatus;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spec "Cancel a purchase" steps 5–8: the Cancel dialog of a customer's software — the Order number
 * drop-down, what the preview says below it (the days that remain, or that the window has passed,
 * or that a customer support request is needed, with the link to that form), the Important message
 * with its acknowledgement checkbox, Submit, and the confirmation. Admin agents only; the same
 * {@code CancelOrder} use case as {@code PATCH /v1/customers/{id}/orders/{orderId}}.
 */
@Hidden
@Controller(UiUrls.CUSTOMERS + "/{customerId}/cancel")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@RequiresPermission(Permission.CANCEL_PURCHASE)
class CancelPagesController {

    private static final int MAX_ORDERS = 100;

    private final GetCustomer getCustomer;
    private final ListOrders listOrders;
    private final PreviewCancellation previewCancellation;
    private final CancelOrder cancelOrder;
    private final UiPages pages;

    CancelPagesController(GetCustomer getCustomer, ListOrders listOrders, PreviewCancellation previewCancellation,
                          CancelOrder cancelOrder, UiPages pages) {
        this.getCustomer = getCustomer;
        this.listOrders = listOrders;
        this.previewCancellation = previewCancellation;
        this.cancelOrder = cancelOrder;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> dialog(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                           @Nullable @QueryValue String orderId) {
        Actor actor = Actors.of(caller);
        return pages.answer(request, caller, customer(customerId, actor),
                customer -> pages.dialog(request, HttpStatus.OK, "cancel/dialog", model(customer, actor, orderId)));
    }

    /** What appears below the drop-down when another order number is chosen (htmx). */
    @Get("/preview")
    HttpResponse<?> preview(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                            @Nullable @QueryValue String orderId) {
        Actor actor = Actors.of(caller);
        return pages.answer(request, caller, customer(customerId, actor), customer -> {
            Map<String, Object> model = model(customer, actor, orderId);
            if (!UiPages.isHtmx(request)) {
                return pages.dialog(request, HttpStatus.OK, "cancel/dialog", model);
            }
            // The footer's Submit follows the chosen order (disabled when it cannot be cancelled): swapped out of band.
            model.put("previewOnly", true);
            return pages.fragment(request, HttpStatus.OK, "cancel/dialog", "preview", model);
        });
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                           @Body CancelForm form) {
        Actor actor = Actors.of(caller);
        return pages.answer(request, caller, customer(customerId, actor), customer -> cancel(request, caller, actor, customer, form));
    }

    private HttpResponse<?> cancel(HttpRequest<?> request, Authentication caller, Actor actor, CustomerView customer,
                                   CancelForm form) {
        String orderId = UiForms.text(form.orderId());
        boolean ticked = form.acknowledged() != null && !form.acknowledged().isBlank();
        CancelOrder.CancelResult result = cancelOrder.cancel(
                new CancelOrder.CancelCommand(customer.ref(), orderId, Acknowledgement.dialog(ticked), List.of()), actor);
        if (result instanceof CancelOrder.NotPermitted) {
            return Refusals.notPermitted(caller);
        }
        Map<String, Object> model = model(customer, actor, orderId);
        if (result instanceof CancelOrder.Cancelled cancelled) {
            model.put("cancelledOrder", cancelled.order());
            model.put("credited", cancelled.credited());
            model.put("titleKey", "cancel.done.title");
            return pages.dialog(request, HttpStatus.OK, "cancel/done", model);
        }
        HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY;
        if (result instanceof CancelOrder.NotAcknowledged) {
            model.put("ackError", true);
            status = HttpStatus.BAD_REQUEST;
        } else if (result instanceof CancelOrder.OrderNotFound || result instanceof CancelOrder.CustomerNotFound) {
            model.put("errorKey", "problem.order_not_found.detail");
            model.put("errorArgument", orderId);
            status = HttpStatus.NOT_FOUND;
        } else if (result instanceof CancelOrder.UnknownLine unknown) {
            model.put("errorKey", "problem.unknown_line_item.detail");
            model.put("errorArgument", unknown.lineItemNumber());
        } else if (result instanceof CancelOrder.Refused refused) {
            model.put("errorKey", "problem." + refused.reason() + ".detail");
            model.put("errorArgument", "");
            model.put("supportRequired", refused.supportRequestRequired());
        }
        return pages.dialog(request, status, "cancel/dialog", model);
    }

    private Map<String, Object> model(CustomerView customer, Actor actor, @Nullable String orderId) {
        List<OrderView> orders = listOrders.list(customer.ref(), PageRequest.first(MAX_ORDERS), actor).ifFound()
                .map(page -> page.items()).orElse(List.of()).stream()
                .filter(order -> order.status() != OrderStatus.CANCELLED).toList();
        String selected = orderId != null && orders.stream().anyMatch(o -> o.id().equals(orderId.strip()))
                ? orderId.strip() : orders.isEmpty() ? null : orders.get(0).id();
        Map<String, Object> model = new HashMap<>();
        model.put("section", "customers");
        model.put("titleKey", "cancel.title");
        model.put("customer", customer);
        model.put("base", UiUrls.CUSTOMERS + "/" + customer.tenantId());
        model.put("backHref", UiUrls.CUSTOMERS + "/" + customer.tenantId());
        model.put("orders", orders);
        model.put("products", products(orders));
        model.put("selected", selected);
        if (selected != null) {
            Optional<CancellationPreview> preview = previewCancellation.preview(customer.ref(), selected, actor).ifFound();
            preview.ifPresent(p -> model.put("preview", p));
            orders.stream().filter(o -> o.id().equals(selected)).findFirst().ifPresent(o -> model.put("selectedOrder", o));
        }
        model.put("supportHref", UiUrls.SUPPORT + "/new?customer=" + UiUrls.encode(customer.domain())
                + (selected == null ? "" : "&orderId=" + UiUrls.encode(selected)));
        return model;
    }

    /** What the order picker leads with: each order's products, in line order. */
    static Map<String, String> products(List<OrderView> orders) {
        Map<String, String> products = new HashMap<>();
        for (OrderView order : orders) {
            products.put(order.id(), String.join(", ", order.lineItems().stream().map(OrderView.Line::friendlyName).toList()));
        }
        return products;
    }

    private Lookup<CustomerView> customer(String customerId, Actor actor) {
        return getCustomer.get(CustomerRef.parse(customerId).orElse(null), actor);
    }

    @Serdeable
    record CancelForm(@Nullable String orderId, @Nullable String acknowledged, @Nullable String csrfToken) {
    }
}
