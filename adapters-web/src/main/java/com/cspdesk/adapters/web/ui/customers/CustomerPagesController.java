package com.cspdesk.adapters.web.ui.customers;

import io.swagger.v3.oas.annotations.Hidden;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.adapters.web.ui.software.CancelState;
import com.cspdesk.adapters.web.ui.software.SoftwareRows;
import com.cspdesk.application.cancellation.port.in.ListOrderCredits;
import com.cspdesk.application.cancellation.port.in.PreviewCancellation;
import com.cspdesk.adapters.web.ui.shared.UiForms;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.application.customers.port.in.CreateCustomer;
import com.cspdesk.application.customers.port.in.CustomerView;
import com.cspdesk.application.customers.port.in.FindCustomers;
import com.cspdesk.application.customers.port.in.GetCustomer;
import com.cspdesk.application.ordering.port.in.GetOrder;
import com.cspdesk.application.ordering.port.in.ListOrders;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.application.shared.port.in.InvalidContinuationToken;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.application.software.port.in.ListSoftware;
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

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spec "Buy …" step 2 and "Activate and manage …" step 1: the Customers list (search by name or
 * domain, keyset pages), a new customer, and a customer's detail page with its Software and its
 * Order history, and one order.
 */
@Hidden
@Controller(CustomerPagesController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class CustomerPagesController {

    static final String PATH = UiUrls.CUSTOMERS;

    private final FindCustomers findCustomers;
    private final GetCustomer getCustomer;
    private final CreateCustomer createCustomer;
    private final ListSoftware listSoftware;
    private final ListOrders listOrders;
    private final GetOrder getOrder;
    private final PreviewCancellation previewCancellation;
    private final ListOrderCredits listOrderCredits;
    private final UiPages pages;

    CustomerPagesController(FindCustomers findCustomers, GetCustomer getCustomer, CreateCustomer createCustomer,
                            ListSoftware listSoftware, ListOrders listOrders, GetOrder getOrder,
                            PreviewCancellation previewCancellation, ListOrderCredits listOrderCredits, UiPages pages) {
        this.findCustomers = findCustomers;
        this.getCustomer = getCustomer;
        this.createCustomer = createCustomer;
        this.listSoftware = listSoftware;
        this.listOrders = listOrders;
        this.getOrder = getOrder;
        this.previewCancellation = previewCancellation;
        this.listOrderCredits = listOrderCredits;
        this.pages = pages;
    }

    @Get
    @RequiresPermission(Permission.VIEW_CUSTOMERS)
    HttpResponse<?> list(HttpRequest<?> request, Authentication caller, @Nullable @QueryValue String q,
                         @Nullable @QueryValue String page, @Nullable @QueryValue Integer from) {
        Actor actor = Actors.of(caller);
        Optional<String> query = Optional.ofNullable(q).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.length() > 100 ? s.substring(0, 100) : s);
        Lookup<Page<CustomerView>> found;
        try {
            found = findCustomers.find(query, new PageRequest(UiPages.PAGE_SIZE, Optional.ofNullable(page)
                    .filter(token -> token.length() <= 1024)), actor);
        } catch (InvalidContinuationToken stale) {
            return UiPages.redirect(request, PATH + query.map(s -> "?q=" + UiUrls.encode(s)).orElse(""));
        }
        return pages.answer(request, caller, found, customers -> list(request, query, page, from, customers));
    }

    private HttpResponse<?> list(HttpRequest<?> request, Optional<String> query, @Nullable String page,
                                 @Nullable Integer from, Page<CustomerView> customers) {
        int start = from == null || from < 0 ? 0 : from;
        Map<String, Object> model = section("customers.title");
        model.put("q", query.orElse(""));
        model.put("customers", customers.items());
        model.put("total", customers.totalCount());
        model.put("first", customers.items().isEmpty() ? 0 : start + 1);
        model.put("last", start + customers.items().size());
        model.put("isFirstPage", page == null || page.isBlank());
        model.put("firstHref", PATH + query.map(s -> "?q=" + UiUrls.encode(s)).orElse(""));
        customers.continuationToken().ifPresent(token -> {
            UriBuilder next = UriBuilder.of(PATH);
            query.ifPresent(s -> next.queryParam("q", s));
            next.queryParam("page", token).queryParam("from", start + customers.items().size());
            model.put("nextHref", next.toString());
        });
        return pages.page(request, "customers/list", model);
    }

    @Get("/new")
    @RequiresPermission(Permission.CREATE_CUSTOMER)
    HttpResponse<?> newCustomer(HttpRequest<?> request) {
        Map<String, Object> model = section("customers.new.title");
        model.put("form", new NewCustomerForm("", "", "", "", "", "", "", "", "", "", null));
        return pages.page(request, "customers/new", model);
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RequiresPermission(Permission.CREATE_CUSTOMER)
    HttpResponse<?> create(HttpRequest<?> request, Authentication caller, @Body NewCustomerForm form) {
        CreateCustomer.CreateCustomerResult result = createCustomer.create(form.newCustomer(), Actors.of(caller));
        if (result instanceof CreateCustomer.Created created) {
            return UiPages.redirect(request, PATH + "/" + created.customer().tenantId() + "?done=customer_created");
        }
        if (result instanceof CreateCustomer.NotPermitted) {
            return Refusals.notPermitted(caller);
        }
        CreateCustomer.Refused refused = (CreateCustomer.Refused) result;
        Map<String, Object> model = section("customers.new.title");
        model.put("form", form);
        model.put("errorField", refused.field());
        model.put("errorKey", "field." + refused.reason().code());
        return pages.render(request, HttpStatus.BAD_REQUEST, "customers/new", model);
    }

    @Get("/{customerId}")
    @RequiresPermission(Permission.VIEW_SOFTWARE)
    HttpResponse<?> software(HttpRequest<?> request, Authentication caller, @PathVariable String customerId) {
        Actor actor = Actors.of(caller);
        CustomerRef ref = CustomerRef.parse(customerId).orElse(null);
        return pages.answer(request, caller, getCustomer.get(ref, actor)
                .flatMap(customer -> listSoftware.list(ref, actor).map(software -> {
                    Map<String, Object> model = detail(customer, "software");
                    List<SoftwareRows> rows = SoftwareRows.of(software);
                    model.put("software", rows);
                    // Days left to cancel, or why not: the cancellation policy's answer for each line (issue #17).
                    model.put("cancelStates", CancelState.of(rows,
                            orderId -> previewCancellation.preview(ref, orderId, actor).ifFound()));
                    model.put("softwareBase", PATH + "/" + customer.tenantId() + "/software");
                    return model;
                })), model -> pages.page(request, "customers/software", model));
    }

    @Get("/{customerId}/orders")
    @RequiresPermission(Permission.VIEW_ORDERS)
    HttpResponse<?> orders(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                           @Nullable @QueryValue String page) {
        Actor actor = Actors.of(caller);
        CustomerRef ref = CustomerRef.parse(customerId).orElse(null);
        Lookup<Map<String, Object>> model;
        try {
            model = getCustomer.get(ref, actor).flatMap(customer -> listOrders.list(ref,
                    new PageRequest(UiPages.PAGE_SIZE, Optional.ofNullable(page)), actor).map(orders -> {
                        Map<String, Object> shown = detail(customer, "orders");
                        shown.put("orders", orders.items());
                        // A cancelled order's total is its credit (issue #17): read for the orders with a cancelled line only.
                        shown.put("orderCredits", OrderCredits.ofCancelled(orders.items(),
                                orderId -> listOrderCredits.credits(ref, orderId, actor).ifFound().orElse(List.of())));
                        shown.put("total", orders.totalCount());
                        orders.continuationToken().ifPresent(token -> shown.put("nextHref",
                                UriBuilder.of(PATH + "/" + customer.tenantId() + "/orders").queryParam("page", token).toString()));
                        shown.put("isFirstPage", page == null || page.isBlank());
                        return shown;
                    }));
        } catch (InvalidContinuationToken stale) {
            return UiPages.redirect(request, PATH + "/" + UiUrls.encode(customerId) + "/orders");
        }
        return pages.answer(request, caller, model, shown -> pages.page(request, "customers/orders", shown));
    }

    @Get("/{customerId}/orders/{orderId}")
    @RequiresPermission(Permission.VIEW_ORDERS)
    HttpResponse<?> order(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                          @PathVariable String orderId) {
        Actor actor = Actors.of(caller);
        CustomerRef ref = CustomerRef.parse(customerId).orElse(null);
        return pages.answer(request, caller, getCustomer.get(ref, actor)
                .flatMap(customer -> getOrder.get(ref, orderId, actor).map(order -> {
                    Map<String, Object> model = detail(customer, "orders");
                    model.put("titleKey", "order.title");
                    model.put("order", order);
                    previewCancellation.preview(ref, order.id(), actor).ifFound()
                            .ifPresent(preview -> model.put("cancelState", CancelState.of(preview)));
                    // A cancelled line shows its credit and the invoice it lands on, not its old amounts (issue #17).
                    listOrderCredits.credits(ref, order.id(), actor).ifFound()
                            .ifPresent(credits -> model.putAll(OrderCredits.model(order, credits)));
                    return model;
                })), model -> pages.page(request, "customers/order", model));
    }

    private static Map<String, Object> detail(CustomerView customer, String tab) {
        Map<String, Object> model = section("customer.title");
        model.put("customer", customer);
        model.put("tab", tab);
        model.put("base", PATH + "/" + customer.tenantId());
        return model;
    }

    private static Map<String, Object> section(String titleKey) {
        return UiPages.section(titleKey);
    }

    /** The company, its domain and billing country; the billing email, address and phone may be left empty. */
    @Serdeable
    record NewCustomerForm(@Nullable String companyName, @Nullable String domain, @Nullable String country,
                           @Nullable String email, @Nullable String addressLine1, @Nullable String addressLine2,
                           @Nullable String city, @Nullable String state, @Nullable String postalCode,
                           @Nullable String phoneNumber, @Nullable String csrfToken) {

        CreateCustomer.NewCustomer newCustomer() {
            CreateCustomer.NewAddress address = new CreateCustomer.NewAddress(null, null, UiForms.text(city),
                    UiForms.text(state), UiForms.text(addressLine1), UiForms.text(addressLine2), null,
                    UiForms.text(postalCode), null, null, UiForms.text(phoneNumber));
            return new CreateCustomer.NewCustomer(UiForms.text(companyName), UiForms.text(domain), UiForms.text(country),
                    new CreateCustomer.NewBillingProfile(null, null, UiForms.text(email), null, null, null, address));
        }
    }
}
