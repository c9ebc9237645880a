package com.cspdesk.adapters.web.ui.ordering;

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
import com.cspdesk.application.idempotency.port.in.ExecuteIdempotently;
import com.cspdesk.application.idempotency.port.in.IdempotentRequest;
import com.cspdesk.application.idempotency.port.in.RecordedResponse;
import com.cspdesk.application.ordering.port.in.PlaceOrder;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.PriceQuotePolicy;
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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * <p>The quote on the review page comes from the domain's {@link PriceQuotePolicy}, the very rule
 * the order is priced with, so what is shown is what is charged. Placing the order is idempotent on
 * the review page's request id: a double click or a reload after posting places one order.
 */
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
    private final PlaceOrder placeOrder;
    private final ExecuteIdempotently idempotently;
    private final PriceQuotePolicy quotes;
    private final UiPages pages;

    ProductPagesController(GetCustomer getCustomer, ListProducts listProducts, ListSkus listSkus,
                           ListAvailabilities listAvailabilities, PlaceOrder placeOrder, ExecuteIdempotently idempotently,
                           PriceQuotePolicy quotes, UiPages pages) {
        this.getCustomer = getCustomer;
        this.listProducts = listProducts;
        this.listSkus = listSkus;
        this.listAvailabilities = listAvailabilities;
        this.placeOrder = placeOrder;
        this.idempotently = idempotently;
        this.quotes = quotes;
        this.pages = pages;
    }

    @Get("/products")
    HttpResponse<?> catalog(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                            @Nullable @QueryValue String view) {
        Actor actor = Actors.of(caller);
        Optional<CustomerView> customer = getCustomer.get(customerId, actor);
        if (customer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.customer_not_found");
        }
        Optional<TargetView> chosen = Optional.ofNullable(view).flatMap(TargetView::fromCode).filter(VIEWS::contains);
        Map<String, List<ProductView>> groups = new LinkedHashMap<>();
        for (TargetView group : VIEWS) {
            if (chosen.isPresent() && chosen.get() != group) {
                continue;
            }
            List<ProductView> products = listProducts.products(customer.get().country(), Optional.of(group));
            if (!products.isEmpty()) {
                groups.put(group.code(), products);
            }
        }
        Map<String, Object> model = detail(customer.get(), "customer.addProducts");
        model.put("groups", groups);
        model.put("views", VIEWS.stream().map(TargetView::code).toList());
        model.put("view", chosen.map(TargetView::code).orElse(""));
        model.put("unavailable", reservationsUnavailable(customer.get()));
        return pages.page(request, "products/catalog", model);
    }

    @Get("/products/{productId}")
    HttpResponse<?> product(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                            @PathVariable String productId) {
        Actor actor = Actors.of(caller);
        Optional<CustomerView> customer = getCustomer.get(customerId, actor);
        if (customer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.customer_not_found");
        }
        Optional<ProductView> product = listProducts.products(customer.get().country(), Optional.empty()).stream()
                .filter(p -> p.id().equals(productId)).findFirst();
        Optional<List<SkuView>> skus = listSkus.skus(productId, customer.get().country());
        if (product.isEmpty() || skus.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.product_not_found");
        }
        List<Offer> offers = new ArrayList<>();
        for (SkuView sku : skus.get()) {
            for (AvailabilityView availability : listAvailabilities.availabilities(productId, sku.id(), customer.get().country())
                    .orElse(List.of())) {
                offers.add(new Offer(sku, availability, quotes.quote(availability.listPrice(), 1, customer.get().country())));
            }
        }
        Map<String, Object> model = detail(customer.get(), "customer.addProducts");
        model.put("titleKey", "products.title");
        model.put("product", product.get());
        model.put("offers", offers);
        model.put("anyPurchasable", offers.stream().anyMatch(offer -> offer.availability().purchasable()));
        model.put("taxIncluded", quotes.includesTax(customer.get().country()));
        model.put("taxRate", quotes.rateFor(customer.get().country()).value());
        return pages.page(request, "products/product", model);
    }

    @Get("/orders/review")
    HttpResponse<?> review(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                           @Nullable @QueryValue String offerId, @Nullable @QueryValue Integer quantity) {
        Actor actor = Actors.of(caller);
        Optional<CustomerView> customer = getCustomer.get(customerId, actor);
        if (customer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.customer_not_found");
        }
        Optional<Offer> offer = offer(customer.get(), offerId);
        if (offer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.product_not_found");
        }
        int count = quantity == null ? offer.get().sku().minimumQuantity() : quantity;
        Map<String, Object> model = reviewModel(customer.get(), offer.get(), count);
        model.put("requestId", UUID.randomUUID().toString());
        return pages.page(request, "products/review", model);
    }

    @Post("/orders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> place(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                          @Body OrderForm form) {
        Actor actor = Actors.of(caller);
        Optional<CustomerView> customer = getCustomer.get(customerId, actor);
        if (customer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.customer_not_found");
        }
        Optional<Offer> offer = offer(customer.get(), form.offerId());
        if (offer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.product_not_found");
        }
        int quantity = form.quantity() == null ? 0 : form.quantity();
        String billingCycle = offer.get().sku().supportedBillingCycles().stream().sorted().findFirst().orElse("one_time");
        String tenant = customer.get().tenantId();
        PlaceOrder.PlaceOrderCommand command = new PlaceOrder.PlaceOrderCommand(tenant, billingCycle,
                List.of(new PlaceOrder.LineItem(0, offer.get().availability().catalogItemId(), quantity)));
        String requestId = form.requestId() == null || !IdempotentRequest.isValidKey(form.requestId())
                ? UUID.randomUUID().toString() : form.requestId();
        String[] refusal = new String[2];
        ExecuteIdempotently.Outcome outcome = idempotently.execute(new IdempotentRequest("ui:" + actor.username(),
                "ui-order:" + requestId, fingerprint(tenant, command)), () -> {
            PlaceOrder.PlaceOrderResult result = placeOrder.place(command, actor);
            if (result instanceof PlaceOrder.Placed placed) {
                return new RecordedResponse(303, null, "", UiUrls.CUSTOMERS + "/" + tenant + "/orders/"
                        + placed.order().id() + "?done=order_placed");
            }
            if (result instanceof PlaceOrder.Refused refused) {
                refusal[0] = refused.reason().code();
                refusal[1] = String.join(",", refused.arguments());
                return new RecordedResponse(refused.reason().businessRule() ? 422 : 400, "text/plain", refusal[0], null);
            }
            refusal[0] = "customer_not_found";
            return new RecordedResponse(404, "text/plain", refusal[0], null);
        });
        RecordedResponse response;
        if (outcome instanceof ExecuteIdempotently.Executed executed) {
            response = executed.response();
        } else if (outcome instanceof ExecuteIdempotently.Replayed replayed) {
            response = replayed.response();
        } else {
            response = new RecordedResponse(409, "text/plain", "idempotency_key_reused", null);
        }
        if (response.status() == 303 && response.location() != null) {
            return UiPages.redirect(request, response.location());
        }
        Map<String, Object> model = reviewModel(customer.get(), offer.get(), Math.max(quantity, 1));
        model.put("requestId", UUID.randomUUID().toString());
        model.put("quantityValue", quantity);
        String code = response.body();
        model.put("errorKey", "problem." + code + ".detail");
        model.put("errorArguments", "market_unavailable".equals(code)
                ? new Object[]{new Formats(UiLocale.of(request)).country(customer.get().country()), customer.get().country().code()}
                : new Object[]{refusal[1] == null ? "" : refusal[1]});
        return pages.render(request, HttpStatus.valueOf(response.status()), "products/review", model);
    }

    private Map<String, Object> reviewModel(CustomerView customer, Offer offer, int quantity) {
        Map<String, Object> model = detail(customer, "order.review.title");
        model.put("offer", offer);
        model.put("quantityValue", quantity);
        boolean inRange = quantity >= offer.sku().minimumQuantity() && quantity <= offer.sku().maximumQuantity();
        model.put("quantityInRange", inRange);
        if (inRange && quantity > 0) {
            model.put("quote", quotes.quote(offer.availability().listPrice(), quantity, customer.country()));
        }
        model.put("taxIncluded", quotes.includesTax(customer.country()));
        return model;
    }

    private Optional<Offer> offer(CustomerView customer, @Nullable String offerId) {
        if (offerId == null || offerId.length() > 100) {
            return Optional.empty();
        }
        String[] parts = offerId.strip().split(":");
        if (parts.length != 3) {
            return Optional.empty();
        }
        Optional<SkuView> sku = listSkus.skus(parts[0], customer.country()).orElse(List.of()).stream()
                .filter(s -> s.id().equals(parts[1])).findFirst();
        if (sku.isEmpty()) {
            return Optional.empty();
        }
        return listAvailabilities.availabilities(parts[0], parts[1], customer.country()).orElse(List.of()).stream()
                .filter(a -> a.catalogItemId().equals(offerId.strip())).findFirst()
                .map(a -> new Offer(sku.get(), a, quotes.quote(a.listPrice(), 1, customer.country())));
    }

    /** True when Azure reservations cannot be bought in the customer's market (spec's list). */
    private boolean reservationsUnavailable(CustomerView customer) {
        for (ProductView product : listProducts.products(customer.country(), Optional.of(TargetView.AZURE_RESERVATIONS_VM))) {
            for (SkuView sku : listSkus.skus(product.id(), customer.country()).orElse(List.of())) {
                return listAvailabilities.availabilities(product.id(), sku.id(), customer.country()).orElse(List.of()).stream()
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

    private static String fingerprint(String tenant, PlaceOrder.PlaceOrderCommand command) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String text = "POST /ui/orders|" + tenant + "|" + command.billingCycle() + "|"
                    + command.lineItems().get(0).offerId() + "|" + command.lineItems().get(0).quantity();
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One way to buy a SKU in the customer's market, with the price of one unit as the market shows it. */
    public record Offer(SkuView sku, AvailabilityView availability, PriceQuote unitQuote) {
    }

    @Serdeable
    record OrderForm(@Nullable String offerId, @Nullable Integer quantity, @Nullable String requestId,
                     @Nullable String csrfToken) {
    }
}
