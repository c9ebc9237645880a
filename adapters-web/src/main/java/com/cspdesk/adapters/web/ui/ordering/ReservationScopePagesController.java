package com.cspdesk.adapters.web.ui.ordering;

import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.application.customers.port.in.CustomerView;
import com.cspdesk.application.customers.port.in.GetCustomer;
import com.cspdesk.application.ordering.port.in.ChangeReservationScope;
import com.cspdesk.application.ordering.port.in.GetOrder;
import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.reservation.ReservationScope;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Issue #16 "Reservations provisioned": Order › Change scope — where a bought Azure reservation applies
 * (shared, or single with a resource group; the subscription may change too), through the same use case as
 * the API's {@code PUT …/lineItems/{n}/provisioningContext}, so its rules and messages are the same. A form
 * post and a redirect: it works without script. Admin agents and global admins.
 */
@Hidden
@Controller(UiUrls.CUSTOMERS + "/{customerId}/orders/{orderId}/lineItems/{lineItemNumber}/scope")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@RequiresPermission(Permission.MANAGE_SUBSCRIPTIONS)
class ReservationScopePagesController {

    private final GetCustomer getCustomer;
    private final GetOrder getOrder;
    private final ChangeReservationScope changeScope;
    private final UiPages pages;

    ReservationScopePagesController(GetCustomer getCustomer, GetOrder getOrder, ChangeReservationScope changeScope,
                                    UiPages pages) {
        this.getCustomer = getCustomer;
        this.getOrder = getOrder;
        this.changeScope = changeScope;
        this.pages = pages;
    }

    @Get
    HttpResponse<?> form(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                         @PathVariable String orderId, @PathVariable String lineItemNumber) {
        Optional<Target> target = target(customerId, orderId, lineItemNumber, Actors.of(caller));
        if (target.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.order_not_found");
        }
        OrderView.Line line = target.get().line();
        ScopeForm current = line.provisioning().map(p -> new ScopeForm(p.subscriptionId(), p.scope().code(),
                p.resourceGroup().orElse(null), null)).orElse(new ScopeForm(null, null, null, null));
        return pages.page(request, "customers/scope", model(target.get(), current));
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                           @PathVariable String orderId, @PathVariable String lineItemNumber, @Body ScopeForm form) {
        Actor actor = Actors.of(caller);
        Optional<Target> target = target(customerId, orderId, lineItemNumber, actor);
        if (target.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.order_not_found");
        }
        ChangeReservationScope.ChangeResult result = changeScope.change(new ChangeReservationScope.ChangeCommand(
                target.get().customer().ref(), target.get().order().id(), target.get().line().lineItemNumber(),
                form.scope(), form.resourceGroup(), form.subscriptionId()), actor);
        if (result instanceof ChangeReservationScope.Changed) {
            return UiPages.redirect(request, base(target.get().customer()) + "/orders/" + UiUrls.encode(target.get().order().id())
                    + "?done=reservation_scope_changed");
        }
        if (result instanceof ChangeReservationScope.NotPermitted) {
            return Refusals.notPermitted(caller);
        }
        if (result instanceof ChangeReservationScope.NotFound) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.order_not_found");
        }
        Map<String, Object> model = model(target.get(), form);
        if (result instanceof ChangeReservationScope.Refused refused) {
            model.put("errorKey", "problem." + refused.code() + ".detail");
            return pages.render(request, HttpStatus.CONFLICT, "customers/scope", model);
        }
        ChangeReservationScope.Invalid invalid = (ChangeReservationScope.Invalid) result;
        model.put("fieldError", invalid.fault().key());
        model.put("fieldErrorKey", "field." + invalid.fault().code());
        model.put("fieldErrorArguments", invalid.arguments().toArray());
        return pages.render(request, HttpStatus.BAD_REQUEST, "customers/scope", model);
    }

    /** The customer, order and line named by the path, as the caller may see them. */
    private Optional<Target> target(String customerId, String orderId, String lineItemNumber, Actor actor) {
        Optional<CustomerRef> ref = CustomerRef.parse(customerId);
        Optional<CustomerView> customer = getCustomer.get(ref.orElse(null), actor).ifFound();
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        Optional<OrderView> order = getOrder.get(ref.orElse(null), orderId, actor).ifFound();
        return order.flatMap(o -> o.lineItems().stream().filter(line -> String.valueOf(line.lineItemNumber()).equals(lineItemNumber))
                .findFirst().map(line -> new Target(customer.get(), o, line)));
    }

    private static Map<String, Object> model(Target target, ScopeForm form) {
        Map<String, Object> model = UiPages.section("reservation.changeScope.title");
        model.put("customer", target.customer());
        model.put("tab", "orders");
        model.put("base", base(target.customer()));
        model.put("order", target.order());
        model.put("line", target.line());
        model.put("form", form);
        model.put("action", base(target.customer()) + "/orders/" + UiUrls.encode(target.order().id()) + "/lineItems/"
                + target.line().lineItemNumber() + "/scope");
        return model;
    }

    private static String base(CustomerView customer) {
        return UiUrls.CUSTOMERS + "/" + customer.tenantId();
    }

    private record Target(CustomerView customer, OrderView order, OrderView.Line line) {
    }

    @Serdeable
    public record ScopeForm(@Nullable String subscriptionId, @Nullable String scope, @Nullable String resourceGroup,
                     @Nullable String csrfToken) {

        /** The scope the form shows: as sent, else shared. */
        public String scopeOrDefault() {
            return scope == null || scope.isBlank() ? ReservationScope.SHARED.code() : scope.strip().toLowerCase(Locale.ROOT);
        }
    }
}
