package com.cspdesk.adapters.web.ui.ordering;

import io.swagger.v3.oas.annotations.Hidden;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.adapters.web.idempotency.IdempotentResponses;
import com.cspdesk.adapters.web.ui.shared.Formats;
import com.cspdesk.adapters.web.ui.shared.UiLocale;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.application.catalog.port.in.CatalogViews.AvailabilityView;
import com.cspdesk.application.catalog.port.in.CatalogViews.ProductView;
import com.cspdesk.application.catalog.port.in.CatalogViews.SkuView;
import com.cspdesk.application.catalog.port.in.ListAvailabilities;
import com.cspdesk.application.catalog.port.in.ListProducts;
import com.cspdesk.application.catalog.port.in.ListSkus;
import com.cspdesk.application.catalog.port.in.TargetView;
import com.cspdesk.application.customers.port.in.CustomerView;
import com.cspdesk.application.customers.port.in.GetCustomer;
import com.cspdesk.application.ordering.port.in.PlaceOrder;
import com.cspdesk.application.ordering.port.in.QuoteOrder;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.order.OrderPlacement;
import com.cspdesk.domain.reservation.ReservationProvisioningPolicy;
import com.cspdesk.domain.reservation.ReservationScope;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Spec "Buy software subscriptions on behalf of customers" step 3: Add products — the catalog of the
 * customer's market, a product's SKUs with their price as the customer's country requires (tax on
 * top, or inside the price in Australia and Brazil), a review with net, tax and gross for the
 * quantity, and placing the order. Admin agents and global admins only.
 *
 * <p>The review page's price and refusals come from {@link QuoteOrder}, which prices and checks by
 * the very code that places the order, so what is shown is what is charged. Placing the order is
 * idempotent on the review page's request id, through the same {@link IdempotentResponses} as the
 * API: a double click or a reload after posting places one order and gets the first answer again.
 */
@Hidden
@Controller(UiUrls.CUSTOMERS + "/{customerId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@RequiresPermission(Permission.PLACE_ORDER)
class ProductPagesController {

    private static final List<TargetView> VIEWS = List.of(TargetView.SOFTWARE_PERPETUAL, TargetView.SOFTWARE_SUBSCRIPTIONS,
            TargetView.AZURE_RESERVATIONS_VM, TargetView.AZURE_RESERVATIONS_SQL);

    private final GetCustomer getCustomer;
    private final ListProducts listProducts;
    private final ListSkus listSkus;
    private final ListAvailabilities listAvailabilities;
    private final QuoteOrder quoteOrder;
    private final PlaceOrder placeOrder;
    private final IdempotentResponses idempotent;
    private final UiPages pages;

    ProductPagesController(GetCustomer getCustomer, ListProducts listProducts, ListSkus listSkus,
                           ListAvailabilities listAvailabilities, QuoteOrder quoteOrder, PlaceOrder placeOrder,
                           IdempotentResponses idempotent, UiPages pages) {
        this.getCustomer = getCustomer;
        this.listProducts = listProducts;
        this.listSkus = listSkus;
        this.listAvailabilities = listAvailabilities;
        this.quoteOrder = quoteOrder;
        this.placeOrder = placeOrder;
        this.idempotent = idempotent;
        this.pages = pages;
    }

    @Get("/products")
    HttpResponse<?> catalog(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                            @Nullable @QueryValue String view) {
        Actor actor = Actors.of(caller);
        Optional<CustomerView> customer = getCustomer.get(CustomerRef.parse(customerId).orElse(null), actor).ifFound();
        if (customer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.customer_not_found");
        }
        Optional<TargetView> chosen = Optional.ofNullable(view).flatMap(TargetView::fromCode).filter(VIEWS::contains);
        Map<String, List<ProductView>> groups = new LinkedHashMap<>();
        for (TargetView group : VIEWS) {
            if (chosen.isPresent() && chosen.get() != group) {
                continue;
            }
            List<ProductView> products = listProducts.products(customer.get().country(), Optional.of(group), actor).ifFound().orElse(List.of());
            if (!products.isEmpty()) {
                groups.put(group.code(), products);
            }
        }
        Map<String, Object> model = detail(customer.get(), "customer.addProducts");
        model.put("groups", groups);
        model.put("views", VIEWS.stream().map(TargetView::code).toList());
        model.put("view", chosen.map(TargetView::code).orElse(""));
        model.put("unavailable", reservationsUnavailable(customer.get(), actor));
        return pages.page(request, "products/catalog", model);
    }

    @Get("/products/{productId}")
    HttpResponse<?> product(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                            @PathVariable String productId) {
        Actor actor = Actors.of(caller);
        Optional<CustomerView> customer = getCustomer.get(CustomerRef.parse(customerId).orElse(null), actor).ifFound();
        if (customer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.customer_not_found");
        }
        Optional<ProductView> product = listProducts.products(customer.get().country(), Optional.empty(), actor).ifFound().orElse(List.of()).stream()
                .filter(p -> p.id().equals(productId)).findFirst();
        Optional<List<SkuView>> skus = listSkus.skus(productId, customer.get().country(), actor).ifFound();
        if (product.isEmpty() || skus.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.product_not_found");
        }
        List<Offer> offers = new ArrayList<>();
        for (SkuView sku : skus.get()) {
            for (AvailabilityView availability : listAvailabilities.availabilities(productId, sku.id(), customer.get().country(), actor)
                    .ifFound().orElse(List.of())) {
                offers.add(new Offer(sku, availability));
            }
        }
        Map<String, Object> model = detail(customer.get(), "customer.addProducts");
        model.put("titleKey", "products.title");
        model.put("product", product.get());
        model.put("offers", offers);
        model.put("anyPurchasable", offers.stream().anyMatch(offer -> offer.availability().purchasable()));
        // One market, one tax treatment: every offer of the page says the same.
        model.put("taxIncluded", offers.stream().anyMatch(offer -> offer.availability().taxIncluded()));
        return pages.page(request, "products/product", model);
    }

    @Get("/orders/review")
    HttpResponse<?> review(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                           @Nullable @QueryValue String offerId, @Nullable @QueryValue Integer quantity,
                           @Nullable @QueryValue String subscriptionId, @Nullable @QueryValue String scope,
                           @Nullable @QueryValue String resourceGroup) {
        Actor actor = Actors.of(caller);
        Optional<CustomerView> customer = getCustomer.get(CustomerRef.parse(customerId).orElse(null), actor).ifFound();
        if (customer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.customer_not_found");
        }
        Optional<Offer> offer = offer(customer.get(), offerId, actor);
        if (offer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.product_not_found");
        }
        int count = quantity == null ? offer.get().sku().minimumQuantity() : quantity;
        return pages.page(request, "products/review", reviewModel(request, actor, customer.get(), offer.get(), count,
                new ContextForm(subscriptionId, scope, resourceGroup)));
    }

    @Post("/orders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> place(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                          @Body OrderForm form) {
        Actor actor = Actors.of(caller);
        Optional<CustomerView> customer = getCustomer.get(CustomerRef.parse(customerId).orElse(null), actor).ifFound();
        if (customer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.customer_not_found");
        }
        Optional<Offer> offer = offer(customer.get(), form.offerId(), actor);
        if (offer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.product_not_found");
        }
        int quantity = form.quantity() == null ? 0 : form.quantity();
        ContextForm context = new ContextForm(form.subscriptionId(), form.scope(), form.resourceGroup());
        PlaceOrder.PlaceOrderCommand command = command(customer.get(), offer.get(), quantity, context);
        return idempotent.runForm(request, caller, form.requestId(),
                new PlacedForm(offer.get().availability().catalogItemId(), quantity, context),
                () -> answer(request, caller, placeOrder.place(command, actor), customer.get(), offer.get(), quantity, context),
                () -> keyReused(request, actor, customer.get(), offer.get(), quantity, context, form.requestId()));
    }

    /**
     * Post, then redirect: to the new order, or back to the review, whose quote shows why placing was
     * refused (the same checks). Only these redirects are kept for a retry, never a rendered page.
     */
    private static MutableHttpResponse<?> answer(HttpRequest<?> request, Authentication caller,
                                                 PlaceOrder.PlaceOrderResult result, CustomerView customer, Offer offer,
                                                 int quantity, ContextForm context) {
        if (result instanceof PlaceOrder.NotPermitted) {
            return Refusals.notPermitted(caller);
        }
        String base = UiUrls.CUSTOMERS + "/" + customer.tenantId();
        if (result instanceof PlaceOrder.Placed placed) {
            return UiPages.redirect(request, base + "/orders/" + UiUrls.encode(placed.order().id()) + "?done=order_placed");
        }
        if (result instanceof PlaceOrder.Refused) {
            return UiPages.redirect(request, base + "/orders/review?offerId="
                    + UiUrls.encode(offer.availability().catalogItemId()) + "&quantity=" + quantity + context.query());
        }
        return UiPages.redirect(request, UiUrls.CUSTOMERS);
    }

    /** The review's request id came back with another offer or quantity: nothing is placed, the review says so. */
    private MutableHttpResponse<?> keyReused(HttpRequest<?> request, Actor actor, CustomerView customer, Offer offer,
                                             int quantity, ContextForm context, String requestId) {
        Map<String, Object> model = reviewModel(request, actor, customer, offer, quantity, context);
        model.put("errorKey", "problem.idempotency_key_reused.detail");
        model.put("errorArguments", new Object[]{requestId});
        return pages.render(request, HttpStatus.CONFLICT, "products/review", model);
    }

    /** The review of {@code quantity} units of the offer: its quote, or what placing it would refuse. */
    private Map<String, Object> reviewModel(HttpRequest<?> request, Actor actor, CustomerView customer, Offer offer,
                                            int quantity, ContextForm context) {
        Map<String, Object> model = detail(customer, "order.review.title");
        model.put("offer", offer);
        model.put("reservation", isReservation(offer));
        model.put("context", context);
        model.put("hybridBenefit", offer.availability().hybridBenefit().orElse(null));
        model.put("quantityValue", quantity);
        model.put("quantityInRange", true);
        model.put("taxIncluded", offer.availability().taxIncluded());
        model.put("requestId", UUID.randomUUID().toString());
        QuoteOrder.QuoteOrderResult quote = quoteOrder.quote(command(customer, offer, quantity, context), actor);
        if (quote instanceof QuoteOrder.Quoted quoted) {
            model.put("quote", quoted.quote());
            model.put("taxIncluded", quoted.quote().taxIncluded());
        } else if (quote instanceof QuoteOrder.WouldBeRefused refused) {
            refusal(request, customer, refused.refusal(), model, context);
        } else if (quote instanceof QuoteOrder.NotPermitted) {
            model.put("errorKey", "error.forbidden");
            model.put("errorArguments", new Object[0]);
        }
        return model;
    }

    /** What placing would refuse; a quantity out of range is shown beside the quantity instead. */
    private static void refusal(HttpRequest<?> request, CustomerView customer, PlaceOrder.Refused refused,
                                Map<String, Object> model, ContextForm context) {
        if (refused.reason() == OrderPlacement.Reason.QUANTITY_OUT_OF_RANGE) {
            model.put("quantityInRange", false);
            return;
        }
        Optional<String> contextField = contextField(refused.part());
        if (contextField.isPresent()) {
            // Issue #16: the reservation's context is asked for on this page; before it is entered, no error yet.
            if (context.submitted()) {
                model.put("contextErrorField", contextField.get());
                model.put("contextErrorKey", "field." + refused.reason().code());
                model.put("contextErrorArguments", refused.arguments().toArray());
            } else {
                model.put("contextMissing", true);
            }
            return;
        }
        model.put("errorKey", "problem." + refused.reason().code() + ".detail");
        model.put("errorArguments", refused.reason() == OrderPlacement.Reason.MARKET_UNAVAILABLE
                ? new Object[]{new Formats(UiLocale.of(request)).country(customer.country()), customer.country().code()}
                : refused.arguments().toArray());
    }

    /**
     * The dashboard buys one offer at a time, in the SKU's first billing cycle; a reservation with the context the
     * review page asked for (other lines send none).
     */
    private static PlaceOrder.PlaceOrderCommand command(CustomerView customer, Offer offer, int quantity, ContextForm context) {
        String billingCycle = offer.sku().supportedBillingCycles().stream().sorted().findFirst().orElse("one_time");
        return new PlaceOrder.PlaceOrderCommand(customer.ref(), billingCycle,
                List.of(new PlaceOrder.LineItem(0, offer.availability().catalogItemId(), quantity,
                        isReservation(offer) ? context.asProvisioningContext() : Map.of())));
    }

    private static boolean isReservation(Offer offer) {
        return offer.sku().contractType() == ContractType.RESERVATION;
    }

    /** The review page's field for a refusal of the reservation's context (none for other refusals). */
    private static Optional<String> contextField(OrderPlacement.Part part) {
        return switch (part) {
            case PROVISIONING_CONTEXT, PROVISIONING_SUBSCRIPTION_ID -> Optional.of(ReservationProvisioningPolicy.SUBSCRIPTION_ID);
            case PROVISIONING_SCOPE -> Optional.of(ReservationProvisioningPolicy.SCOPE);
            case PROVISIONING_RESOURCE_GROUP -> Optional.of(ReservationProvisioningPolicy.RESOURCE_GROUP);
            case PROVISIONING_DURATION -> Optional.of(ReservationProvisioningPolicy.DURATION);
            default -> Optional.empty();
        };
    }

    private Optional<Offer> offer(CustomerView customer, @Nullable String offerId, Actor actor) {
        if (offerId == null || offerId.length() > 100) {
            return Optional.empty();
        }
        String[] parts = offerId.strip().split(":");
        if (parts.length != 3) {
            return Optional.empty();
        }
        Optional<SkuView> sku = listSkus.skus(parts[0], customer.country(), actor).ifFound().orElse(List.of()).stream()
                .filter(s -> s.id().equals(parts[1])).findFirst();
        if (sku.isEmpty()) {
            return Optional.empty();
        }
        return listAvailabilities.availabilities(parts[0], parts[1], customer.country(), actor).ifFound().orElse(List.of()).stream()
                .filter(a -> a.catalogItemId().equals(offerId.strip())).findFirst()
                .map(a -> new Offer(sku.get(), a));
    }

    /** True when Azure reservations cannot be bought in the customer's market (spec's list). */
    private boolean reservationsUnavailable(CustomerView customer, Actor actor) {
        for (ProductView product : listProducts.products(customer.country(), Optional.of(TargetView.AZURE_RESERVATIONS_VM), actor)
                .ifFound().orElse(List.of())) {
            for (SkuView sku : listSkus.skus(product.id(), customer.country(), actor).ifFound().orElse(List.of())) {
                return listAvailabilities.availabilities(product.id(), sku.id(), customer.country(), actor).ifFound().orElse(List.of()).stream()
                        .noneMatch(AvailabilityView::purchasable);
            }
        }
        return false;
    }

    private static Map<String, Object> detail(CustomerView customer, String titleKey) {
        Map<String, Object> model = UiPages.section(titleKey);
        model.put("customer", customer);
        model.put("tab", "products");
        model.put("base", UiUrls.CUSTOMERS + "/" + customer.tenantId());
        return model;
    }

    /** One way to buy a SKU in the customer's market (its availability carries one unit's price). */
    public record Offer(SkuView sku, AvailabilityView availability) {
    }

    /** What makes two posts of the review's form the same order (the request id and CSRF token do not). */
    @Serdeable
    record PlacedForm(String offerId, int quantity, ContextForm context) {
    }

    @Serdeable
    record OrderForm(@Nullable String offerId, @Nullable Integer quantity, @Nullable String requestId,
                     @Nullable String csrfToken, @Nullable String subscriptionId, @Nullable String scope,
                     @Nullable String resourceGroup) {
    }

    /**
     * Issue #16: where a reservation is to apply, as the review page asks for it (each field null until the page's
     * form was sent). Sent as Partner Center's provisioningContext; the domain judges it.
     */
    @Serdeable
    public record ContextForm(@Nullable String subscriptionId, @Nullable String scope, @Nullable String resourceGroup) {

        /** Whether the review's form with these fields was sent (a first review has none). */
        public boolean submitted() {
            return subscriptionId != null || scope != null || resourceGroup != null;
        }

        /** The scope the form shows: as sent, else shared. */
        public String scopeOrDefault() {
            return scope == null || scope.isBlank() ? ReservationScope.SHARED.code() : scope.strip().toLowerCase(java.util.Locale.ROOT);
        }

        Map<String, String> asProvisioningContext() {
            Map<String, String> context = new LinkedHashMap<>();
            if (subscriptionId != null) {
                context.put(ReservationProvisioningPolicy.SUBSCRIPTION_ID, subscriptionId);
            }
            if (scope != null) {
                context.put(ReservationProvisioningPolicy.SCOPE, scope);
            }
            if (resourceGroup != null) {
                context.put(ReservationProvisioningPolicy.RESOURCE_GROUP, resourceGroup);
            }
            return context;
        }

        /** The fields as the review page's query, after its offer and quantity. */
        String query() {
            StringBuilder query = new StringBuilder();
            asProvisioningContext().forEach((key, value) -> query.append('&').append(key).append('=').append(UiUrls.encode(value)));
            return query.toString();
        }
    }
}
