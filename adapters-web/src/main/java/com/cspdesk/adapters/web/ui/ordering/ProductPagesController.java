package com.cspdesk.adapters.web.ui.ordering;

import com.cspdesk.adapters.web.publicurl.PublicUrl;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.adapters.web.ui.shared.CatalogTexts;
import com.cspdesk.adapters.web.ui.shared.UiLocale;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.application.catalog.port.in.CatalogViews.AvailabilityView;
import com.cspdesk.application.catalog.port.in.CatalogViews.ProductView;
import com.cspdesk.application.catalog.port.in.CatalogViews.SkuView;
import com.cspdesk.application.catalog.port.in.ListAvailabilities;
import com.cspdesk.application.catalog.port.in.ListProducts;
import com.cspdesk.application.catalog.port.in.ListSkus;
import com.cspdesk.application.catalog.port.in.TargetView;
import com.cspdesk.application.customers.port.in.CustomerView;
import com.cspdesk.application.customers.port.in.GetCustomer;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.reservation.ReservationProvisioningPolicy;
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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Spec "Buy software subscriptions on behalf of customers" step 3: Add products — the catalog of the customer's
 * market with each product's lowest price there and a search by the products' and SKUs' texts, a product's SKUs
 * with their price as the customer's country requires (tax on top, or inside the price in Australia and Brazil) and
 * their quantity range, and adding an offer to the customer's cart ({@link CartPagesController} reviews and places
 * it as one order). Catalog texts in the reader's language ({@link CatalogTexts}). Admin agents and global admins only.
 *
 * <p>Adding judges the quantity by the domain's rule (asked of the quote, the code that places orders): a SKU's
 * quantity in the order — its lines in the cart together — within the SKU's minimum and maximum.
 */
@Hidden
@Controller(UiUrls.CUSTOMERS + "/{customerId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@RequiresPermission(Permission.PLACE_ORDER)
class ProductPagesController {

    private static final List<TargetView> VIEWS = List.of(TargetView.SOFTWARE_PERPETUAL, TargetView.SOFTWARE_SUBSCRIPTIONS,
            TargetView.AZURE_RESERVATIONS_VM, TargetView.AZURE_RESERVATIONS_SQL);
    private static final int MAX_QUERY = 100;

    private final GetCustomer getCustomer;
    private final ListProducts listProducts;
    private final ListSkus listSkus;
    private final ListAvailabilities listAvailabilities;
    private final Offers offers;
    private final UiPages pages;
    private final PublicUrl publicUrl;

    ProductPagesController(GetCustomer getCustomer, ListProducts listProducts, ListSkus listSkus,
                           ListAvailabilities listAvailabilities, Offers offers, UiPages pages, PublicUrl publicUrl) {
        this.getCustomer = getCustomer;
        this.listProducts = listProducts;
        this.listSkus = listSkus;
        this.listAvailabilities = listAvailabilities;
        this.offers = offers;
        this.pages = pages;
        this.publicUrl = publicUrl;
    }

    @Get("/products")
    HttpResponse<?> catalog(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                            @Nullable @QueryValue String view, @Nullable @QueryValue String q) {
        Actor actor = Actors.of(caller);
        Optional<CustomerView> customer = getCustomer.get(CustomerRef.parse(customerId).orElse(null), actor).ifFound();
        if (customer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.customer_not_found");
        }
        Locale locale = UiLocale.of(request);
        CatalogTexts texts = new CatalogTexts(locale);
        String query = q == null ? "" : q.strip();
        query = query.length() > MAX_QUERY ? query.substring(0, MAX_QUERY) : query;
        Optional<TargetView> chosen = Optional.ofNullable(view).flatMap(TargetView::fromCode).filter(VIEWS::contains);
        Map<String, List<CatalogRow>> groups = new LinkedHashMap<>();
        int found = 0;
        for (TargetView group : VIEWS) {
            if (chosen.isPresent() && chosen.get() != group) {
                continue;
            }
            List<CatalogRow> rows = new ArrayList<>();
            for (ProductView product : listProducts.products(customer.get().country(), Optional.of(group), actor).ifFound().orElse(List.of())) {
                List<SkuView> skus = listSkus.skus(product.id(), customer.get().country(), actor).ifFound().orElse(List.of());
                if (!matches(query, product, skus, texts)) {
                    continue;
                }
                rows.add(catalogRow(customer.get(), product, skus, texts, actor));
            }
            found += rows.size();
            if (!rows.isEmpty()) {
                groups.put(group.code(), rows);
            }
        }
        Map<String, Object> model = detail(customer.get(), "customer.addProducts");
        model.put("groups", groups);
        model.put("found", found);
        model.put("q", query);
        model.put("views", VIEWS.stream().map(TargetView::code).toList());
        model.put("view", chosen.map(TargetView::code).orElse(""));
        model.put("unavailable", reservationsUnavailable(customer.get(), actor));
        model.put("cartLines", CartCookie.read(request, caller.getName()).lines().size());
        // The "from" prices are list prices: say whether the market's include its tax (Australia, Brazil).
        model.put("taxIncluded", groups.values().stream().flatMap(List::stream).anyMatch(CatalogRow::taxIncluded));
        return pages.page(request, "products/catalog", model);
    }

    /** Whether every word of the search is in the product's title, id or description, or a SKU's title (as read or stored). */
    static boolean matches(String query, ProductView product, List<SkuView> skus, CatalogTexts texts) {
        if (query.isBlank()) {
            return true;
        }
        StringBuilder text = new StringBuilder(product.title()).append(' ').append(product.id()).append(' ')
                .append(product.description()).append(' ').append(texts.description(product));
        for (SkuView sku : skus) {
            text.append(' ').append(sku.title()).append(' ').append(texts.skuTitle(sku));
        }
        String haystack = fold(text.toString());
        for (String word : fold(query).split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Case and accents aside: "licenc" finds "Licenc", "cekirdek" finds "Çekirdek". */
    private static String fold(String text) {
        String decomposed = java.text.Normalizer.normalize(text.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replace('ı', 'i').replace('ł', 'l');
    }

    /** A product of the list with its lowest list price in the market, and whether its offers differ in price. */
    private CatalogRow catalogRow(CustomerView customer, ProductView product, List<SkuView> skus, CatalogTexts texts, Actor actor) {
        Money lowest = null;
        boolean varies = false;
        boolean taxIncluded = false;
        for (SkuView sku : skus) {
            for (AvailabilityView availability : listAvailabilities.availabilities(product.id(), sku.id(), customer.country(), actor)
                    .ifFound().orElse(List.of())) {
                Money price = availability.listPrice();
                taxIncluded |= availability.taxIncluded();
                if (lowest == null) {
                    lowest = price;
                } else if (price.compareTo(lowest) != 0) {
                    varies = true;
                    lowest = price.compareTo(lowest) < 0 ? price : lowest;
                }
            }
        }
        return new CatalogRow(product, texts.description(product), lowest, varies, taxIncluded);
    }

    @Get("/products/{productId}")
    HttpResponse<?> product(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                            @PathVariable String productId) {
        Actor actor = Actors.of(caller);
        Optional<CustomerView> customer = getCustomer.get(CustomerRef.parse(customerId).orElse(null), actor).ifFound();
        if (customer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.customer_not_found");
        }
        Optional<Map<String, Object>> model = productModel(request, caller, customer.get(), productId);
        if (model.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.product_not_found");
        }
        return pages.page(request, "products/product", model.get());
    }

    /**
     * Adds an offer to the customer's cart and shows the cart; a quantity the domain's rule refuses (with what the cart
     * has of the SKU already), an offer not sold in the market or a full cart is said beside the offer, and the cart
     * stays as it was.
     */
    @Post("/cart")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> add(HttpRequest<?> request, Authentication caller, @PathVariable String customerId, @Body AddForm form) {
        Actor actor = Actors.of(caller);
        Optional<CustomerView> customer = getCustomer.get(CustomerRef.parse(customerId).orElse(null), actor).ifFound();
        if (customer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.customer_not_found");
        }
        Optional<Offer> offer = offers.offer(customer.get(), form.offerId(), actor);
        if (offer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.product_not_found");
        }
        String tenant = customer.get().tenantId();
        Cart cart = CartCookie.read(request, caller.getName());
        boolean reservation = Offers.isReservation(offer.get());
        OptionalInt quantity = CartPagesController.quantity(form.quantity());
        Optional<String> error;
        Cart added = null;
        if (!offer.get().availability().purchasable()) {
            error = Optional.of(pages.text(request, "products.notPurchasable",
                    new com.cspdesk.adapters.web.ui.shared.Formats(UiLocale.of(request)).country(customer.get().country())));
        } else if (quantity.isEmpty()) {
            error = Optional.of(pages.text(request, "cart.quantityNotNumber"));
        } else {
            added = cart.add(offer.get().availability().catalogItemId(), quantity.getAsInt(), reservation);
            int index = cart.indexAfterAdding(offer.get().availability().catalogItemId(), reservation);
            error = offers.quantityRefusal(customer.get(), added, index, actor)
                    .map(refusal -> pages.text(request, "cart.quantityOutOfRange", refusal.total(), refusal.minimum(), refusal.maximum()));
            if (error.isEmpty() && !added.fits()) {
                error = Optional.of(pages.text(request, "cart.full"));
            }
        }
        if (error.isPresent()) {
            Map<String, Object> model = productModel(request, caller, customer.get(), offer.get().sku().productId()).orElseThrow();
            model.put("addOffer", offer.get().availability().catalogItemId());
            model.put("addQuantity", form.quantity() == null ? "" : form.quantity());
            model.put("addError", error.get());
            return pages.render(request, HttpStatus.BAD_REQUEST, "products/product", model);
        }
        return UiPages.redirect(request, CartCookie.path(tenant) + "/cart?done=added_to_cart")
                .cookie(CartCookie.of(added, tenant, publicUrl.isHttps(request)));
    }

    private Optional<Map<String, Object>> productModel(HttpRequest<?> request, Authentication caller, CustomerView customer,
                                                       String productId) {
        Actor actor = Actors.of(caller);
        Optional<ProductView> product = listProducts.products(customer.country(), Optional.empty(), actor).ifFound().orElse(List.of()).stream()
                .filter(p -> p.id().equals(productId)).findFirst();
        Optional<List<SkuView>> skus = listSkus.skus(productId, customer.country(), actor).ifFound();
        if (product.isEmpty() || skus.isEmpty()) {
            return Optional.empty();
        }
        List<Offer> offered = new ArrayList<>();
        for (SkuView sku : skus.get()) {
            for (AvailabilityView availability : listAvailabilities.availabilities(productId, sku.id(), customer.country(), actor)
                    .ifFound().orElse(List.of())) {
                offered.add(new Offer(sku, availability));
            }
        }
        Map<String, Object> model = detail(customer, "customer.addProducts");
        model.put("titleKey", "products.title");
        model.put("product", product.get());
        model.put("texts", new CatalogTexts(UiLocale.of(request)));
        model.put("offers", offered);
        model.put("anyPurchasable", offered.stream().anyMatch(offer -> offer.availability().purchasable()));
        // One market, one tax treatment: every offer of the page says the same.
        model.put("taxIncluded", offered.stream().anyMatch(offer -> offer.availability().taxIncluded()));
        model.put("cartLines", CartCookie.read(request, caller.getName()).lines().size());
        model.put("addOffer", "");
        return Optional.of(model);
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
        model.put("base", CartCookie.path(customer.tenantId()));
        return model;
    }

    /** One way to buy a SKU in the customer's market (its availability carries one unit's price). */
    public record Offer(SkuView sku, AvailabilityView availability) {
    }

    /**
     * A product of the catalog page: its description in the reader's language, its lowest list price (null: none),
     * whether its prices differ, and whether the market's list prices include tax.
     */
    public record CatalogRow(ProductView product, String description, @Nullable Money fromPrice, boolean pricesVary,
                             boolean taxIncluded) {
    }

    @Serdeable
    record AddForm(@Nullable String offerId, @Nullable String quantity, @Nullable String csrfToken) {
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
    }
}
