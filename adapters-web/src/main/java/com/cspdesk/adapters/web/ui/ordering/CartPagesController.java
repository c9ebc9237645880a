package com.cspdesk.adapters.web.ui.ordering;

import com.cspdesk.adapters.web.idempotency.IdempotentResponses;
import com.cspdesk.adapters.web.publicurl.PublicUrl;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.adapters.web.ui.ordering.ProductPagesController.ContextForm;
import com.cspdesk.adapters.web.ui.ordering.ProductPagesController.Offer;
import com.cspdesk.adapters.web.ui.shared.CatalogTexts;
import com.cspdesk.adapters.web.ui.shared.Formats;
import com.cspdesk.adapters.web.ui.shared.UiLocale;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.application.catalog.port.in.CatalogViews.ProductView;
import com.cspdesk.application.customers.port.in.CustomerView;
import com.cspdesk.application.customers.port.in.GetCustomer;
import com.cspdesk.application.ordering.port.in.PlaceOrder;
import com.cspdesk.application.ordering.port.in.QuoteOrder;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.order.OrderPlacement;
import com.cspdesk.domain.reservation.ReservationProvisioningPolicy;
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
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Issue #17, "buying like a partner buys": the customer's cart — its lines with the catalog's current price and the
 * SKU's quantity range, a quantity changed or a line removed, an Azure reservation's line with where it applies —
 * reviewed as the ONE order it will be and placed once. The review's figures and refusals are {@link QuoteOrder}'s
 * for the whole cart, the very code that places the order; placing is idempotent on the page's request id (a double
 * click or a reload places one order) and places the cart the page showed, then empties it. Admin agents and global
 * admins only, like every step of buying.
 */
@Hidden
@Controller(UiUrls.CUSTOMERS + "/{customerId}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@RequiresPermission(Permission.PLACE_ORDER)
class CartPagesController {

    private final GetCustomer getCustomer;
    private final Offers offers;
    private final PlaceOrder placeOrder;
    private final IdempotentResponses idempotent;
    private final UiPages pages;
    private final PublicUrl publicUrl;

    CartPagesController(GetCustomer getCustomer, Offers offers, PlaceOrder placeOrder, IdempotentResponses idempotent,
                        UiPages pages, PublicUrl publicUrl) {
        this.getCustomer = getCustomer;
        this.offers = offers;
        this.placeOrder = placeOrder;
        this.idempotent = idempotent;
        this.pages = pages;
        this.publicUrl = publicUrl;
    }

    @Get("/cart")
    HttpResponse<?> cart(HttpRequest<?> request, Authentication caller, @PathVariable String customerId) {
        Actor actor = Actors.of(caller);
        Optional<CustomerView> customer = customer(customerId, actor);
        if (customer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.customer_not_found");
        }
        if (!customer.get().tenantId().equals(customerId)) {
            // The cart's cookie belongs to the customer's own path: a domain in the address leads there.
            return UiPages.redirect(request, CartCookie.path(customer.get().tenantId()) + "/cart");
        }
        Cart cart = CartCookie.read(request, caller.getName());
        return pages.page(request, "products/cart", model(request, actor, customer.get(), cart, null));
    }

    /** A line's new quantity and, for a reservation, where it applies; the quantity is judged by the domain's rule first. */
    @Post("/cart/lines/{index}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                           @PathVariable int index, @Body LineForm form) {
        Actor actor = Actors.of(caller);
        Optional<CustomerView> customer = customer(customerId, actor);
        if (customer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.customer_not_found");
        }
        String tenant = customer.get().tenantId();
        Cart cart = CartCookie.read(request, caller.getName());
        if (!cart.has(index)) {
            // The cart changed in another tab meanwhile: show it as it is now.
            return UiPages.redirect(request, CartCookie.path(tenant) + "/cart");
        }
        OptionalInt quantity = quantity(form.quantity());
        Optional<String> quantityError = quantity.isEmpty()
                ? Optional.of(pages.text(request, "cart.quantityNotNumber"))
                : offers.quantityRefusal(customer.get(), cart.withQuantity(index, quantity.getAsInt()), index, actor)
                        .map(refusal -> quantityMessage(request, refusal));
        if (quantityError.isPresent()) {
            Map<String, Object> model = model(request, actor, customer.get(), cart,
                    new Edit(index, form.quantity() == null ? "" : form.quantity(), quantityError.get()));
            return pages.render(request, HttpStatus.BAD_REQUEST, "products/cart", model);
        }
        Cart changed = cart.withQuantity(index, quantity.getAsInt());
        ContextForm context = new ContextForm(form.subscriptionId(), form.scope(), form.resourceGroup());
        if (context.submitted()) {
            changed = changed.withContext(index, context);
        }
        if (!changed.fits()) {
            Map<String, Object> model = model(request, actor, customer.get(), cart, null);
            model.put("errorKey", "cart.full");
            model.put("errorArguments", new Object[0]);
            return pages.render(request, HttpStatus.BAD_REQUEST, "products/cart", model);
        }
        // A reservation's place as typed is kept either way; the cart says "updated" only when it is one that may be placed.
        boolean contextRefused = context.submitted() && contextRefused(customer.get(), changed, index, actor);
        return UiPages.redirect(request, CartCookie.path(tenant) + "/cart" + (contextRefused ? "" : "?done=cart_updated"))
                .cookie(CartCookie.of(changed, tenant, publicUrl.isHttps(request)));
    }

    /** Whether placing the line at {@code index} alone would be refused for where its reservation applies. */
    private boolean contextRefused(CustomerView customer, Cart cart, int index, Actor actor) {
        Cart line = new Cart(cart.owner(), List.of(cart.lines().get(index)));
        return offers.quote(customer, line, actor) instanceof QuoteOrder.WouldBeRefused refused
                && contextField(refused.refusal().part()).isPresent();
    }

    @Post("/cart/lines/{index}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> remove(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                           @PathVariable int index) {
        Actor actor = Actors.of(caller);
        Optional<CustomerView> customer = customer(customerId, actor);
        if (customer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.customer_not_found");
        }
        String tenant = customer.get().tenantId();
        Cart cart = CartCookie.read(request, caller.getName());
        if (!cart.has(index)) {
            return UiPages.redirect(request, CartCookie.path(tenant) + "/cart");
        }
        return UiPages.redirect(request, CartCookie.path(tenant) + "/cart?done=cart_line_removed")
                .cookie(CartCookie.of(cart.without(index), tenant, publicUrl.isHttps(request)));
    }

    /**
     * Places the cart the review showed (its form carries it, so a cart changed in another tab meanwhile is not what
     * gets bought), once per request id; then the cart is empty.
     */
    @Post("/orders")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> place(HttpRequest<?> request, Authentication caller, @PathVariable String customerId,
                          @Body PlaceForm form) {
        Actor actor = Actors.of(caller);
        Optional<CustomerView> customer = customer(customerId, actor);
        if (customer.isEmpty()) {
            return pages.error(request, HttpStatus.NOT_FOUND, "error.customer_not_found");
        }
        String tenant = customer.get().tenantId();
        Cart reviewed = Cart.decode(form.cart(), caller.getName());
        if (reviewed.isEmpty()) {
            return UiPages.redirect(request, CartCookie.path(tenant) + "/cart");
        }
        PlaceOrder.PlaceOrderCommand command = Offers.command(customer.get(), reviewed.lines(),
                offers.offersOf(customer.get(), reviewed.lines(), actor));
        MutableHttpResponse<?> response = idempotent.runForm(request, caller, form.requestId(), new PlacedCart(reviewed.lines()),
                () -> answer(request, caller, actor, customer.get(), placeOrder.place(command, actor)),
                () -> refused(request, caller, actor, customer.get(), HttpStatus.CONFLICT, "problem.idempotency_key_reused.detail",
                        form.requestId()));
        if (response.code() == HttpStatus.SEE_OTHER.getCode()
                && response.getHeaders().get("Location", String.class).orElse("").contains("/orders/")) {
            // Placed now, or placed by the first of two posts of this form: the cart is bought, so it is empty.
            response.cookie(CartCookie.cleared(tenant, publicUrl.isHttps(request)));
        }
        return response;
    }

    private MutableHttpResponse<?> answer(HttpRequest<?> request, Authentication caller, Actor actor, CustomerView customer,
                                          PlaceOrder.PlaceOrderResult result) {
        if (result instanceof PlaceOrder.Placed placed) {
            return UiPages.redirect(request, CartCookie.path(customer.tenantId()) + "/orders/"
                    + UiUrls.encode(placed.order().id()) + "?done=order_placed");
        }
        if (result instanceof PlaceOrder.Refused refusal) {
            // What the review showed is no longer what may be placed (or the form was changed): nothing is bought,
            // the cart is shown as it is with why placing was refused.
            return refused(request, caller, actor, customer, HttpStatus.UNPROCESSABLE_ENTITY, "cart.notPlaced",
                    refusalText(request, customer, refusal));
        }
        if (result instanceof PlaceOrder.NotPermitted) {
            return Refusals.notPermitted(caller);
        }
        return UiPages.redirect(request, UiUrls.CUSTOMERS);
    }

    private MutableHttpResponse<?> refused(HttpRequest<?> request, Authentication caller, Actor actor, CustomerView customer,
                                           HttpStatus status, String key, Object argument) {
        Cart cart = CartCookie.read(request, caller.getName());
        Map<String, Object> model = model(request, actor, customer, cart, null);
        model.put("errorKey", key);
        model.put("errorArguments", new Object[]{argument});
        return pages.render(request, status, "products/cart", model);
    }

    /** The cart as the review shows it: each line read again from the catalog, the whole cart quoted as one order. */
    Map<String, Object> model(HttpRequest<?> request, Actor actor, CustomerView customer, Cart cart, @Nullable Edit edit) {
        Locale locale = UiLocale.of(request);
        CatalogTexts texts = new CatalogTexts(locale);
        Map<String, Object> model = UiPages.section("cart.title");
        model.put("customer", customer);
        model.put("tab", "products");
        model.put("base", CartCookie.path(customer.tenantId()));
        List<Optional<Offer>> read = offers.offersOf(customer, cart.lines(), actor);
        Map<String, ProductView> products = offers.products(customer, actor);
        List<LineRow> rows = new ArrayList<>();
        for (int index = 0; index < cart.lines().size(); index++) {
            rows.add(new LineRow(index, cart.lines().get(index), read.get(index).orElse(null), products, texts));
        }
        model.put("requestId", UUID.randomUUID().toString());
        model.put("encodedCart", cart.encode());
        model.put("taxIncluded", read.stream().flatMap(Optional::stream).anyMatch(o -> o.availability().taxIncluded()));
        if (!cart.isEmpty()) {
            QuoteOrder.QuoteOrderResult quote = offers.quote(customer, cart, actor);
            if (quote instanceof QuoteOrder.Quoted quoted) {
                model.put("quote", quoted.quote());
                model.put("taxIncluded", quoted.quote().taxIncluded());
                for (QuoteOrder.QuotedLine line : quoted.quote().lines()) {
                    rows.get(line.lineItemNumber()).priced = line;
                }
            } else if (quote instanceof QuoteOrder.WouldBeRefused refused) {
                refusal(request, customer, refused.refusal(), rows, model);
            } else if (quote instanceof QuoteOrder.NotPermitted) {
                model.put("errorKey", "error.forbidden");
                model.put("errorArguments", new Object[0]);
            }
        }
        if (edit != null) {
            // A quantity the user asked for and the rule refused: shown as typed, beside its message; the cart is unchanged.
            rows.get(edit.index()).quantityShown = edit.quantity();
            rows.get(edit.index()).quantityError = edit.error();
            model.remove("quote");
        }
        model.put("rows", rows);
        return model;
    }

    /** Placing would refuse: beside the line (its quantity, its reservation's fields) or for the whole cart. */
    private void refusal(HttpRequest<?> request, CustomerView customer, PlaceOrder.Refused refused, List<LineRow> rows,
                         Map<String, Object> model) {
        if (refused.lineIndex().isEmpty() || refused.lineIndex().getAsInt() >= rows.size()) {
            model.put("errorKey", "cart.notPlaced");
            model.put("errorArguments", new Object[]{refusalText(request, customer, refused)});
            return;
        }
        LineRow row = rows.get(refused.lineIndex().getAsInt());
        Optional<String> contextField = contextField(refused.part());
        if (refused.reason() == OrderPlacement.Reason.QUANTITY_OUT_OF_RANGE) {
            long total = rows.stream().filter(r -> r.sku().equals(row.sku())).mapToLong(r -> r.quantity).sum();
            row.quantityError = quantityMessage(request, new Offers.QuantityRefusal(total,
                    Long.parseLong(refused.arguments().get(0)), Long.parseLong(refused.arguments().get(1))));
        } else if (contextField.isPresent()) {
            if (row.context.submitted()) {
                row.contextErrorField = contextField.get();
                row.contextErrorKey = "field." + refused.reason().code();
                row.contextErrorArguments = refused.arguments().toArray();
            } else {
                row.contextMissing = true;
            }
        } else if (refused.reason() == OrderPlacement.Reason.OFFER_INVALID) {
            row.lineError = pages.text(request, "cart.offerGone");
        } else if (refused.reason() == OrderPlacement.Reason.BILLING_CYCLE_NOT_SUPPORTED) {
            row.lineError = pages.text(request, "cart.billingCycles");
        } else {
            row.lineError = refusalText(request, customer, refused);
        }
    }

    private String refusalText(HttpRequest<?> request, CustomerView customer, PlaceOrder.Refused refused) {
        Object[] arguments = refused.reason() == OrderPlacement.Reason.MARKET_UNAVAILABLE
                ? new Object[]{new Formats(UiLocale.of(request)).country(customer.country()), customer.country().code()}
                : refused.arguments().toArray();
        return pages.text(request, "problem." + refused.reason().code() + ".detail", arguments);
    }

    String quantityMessage(HttpRequest<?> request, Offers.QuantityRefusal refusal) {
        return pages.text(request, "cart.quantityOutOfRange", refusal.total(), refusal.minimum(), refusal.maximum());
    }

    /** A whole number, as the quantity field sends it; empty for anything else. */
    static OptionalInt quantity(@Nullable String text) {
        if (text == null || !text.strip().matches("[0-9]{1,9}")) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(text.strip()));
    }

    private static Optional<String> contextField(OrderPlacement.Part part) {
        return switch (part) {
            case PROVISIONING_CONTEXT, PROVISIONING_SUBSCRIPTION_ID -> Optional.of(ReservationProvisioningPolicy.SUBSCRIPTION_ID);
            case PROVISIONING_SCOPE -> Optional.of(ReservationProvisioningPolicy.SCOPE);
            case PROVISIONING_RESOURCE_GROUP -> Optional.of(ReservationProvisioningPolicy.RESOURCE_GROUP);
            case PROVISIONING_DURATION -> Optional.of(ReservationProvisioningPolicy.DURATION);
            default -> Optional.empty();
        };
    }

    private Optional<CustomerView> customer(String customerId, Actor actor) {
        return getCustomer.get(CustomerRef.parse(customerId).orElse(null), actor).ifFound();
    }

    /** A quantity typed for the line at {@code index} that the rule refused, and the message saying so. */
    record Edit(int index, String quantity, String error) {
    }

    /** One line of the cart as the review shows it; {@code offer} null when the catalog no longer has it. */
    public static final class LineRow {
        private final int index;
        private final String offerId;
        private final int quantity;
        private final ContextForm context;
        private final Offer offer;
        private final String productTitle;
        private final String skuTitle;
        private String quantityShown;
        private QuoteOrder.QuotedLine priced;
        private String quantityError;
        private String lineError;
        private String contextErrorField;
        private String contextErrorKey;
        private Object[] contextErrorArguments = new Object[0];
        private boolean contextMissing;

        LineRow(int index, Cart.Line line, @Nullable Offer offer, Map<String, ProductView> products, CatalogTexts texts) {
            this.index = index;
            this.offerId = line.offerId();
            this.quantity = line.quantity();
            this.quantityShown = String.valueOf(line.quantity());
            this.context = line.context();
            this.offer = offer;
            ProductView product = offer == null ? null : products.get(offer.sku().productId());
            this.productTitle = product == null ? (offer == null ? line.offerId() : offer.sku().productId()) : product.title();
            this.skuTitle = offer == null ? "" : texts.skuTitle(offer.sku());
        }

        public int index() {
            return index;
        }

        public int number() {
            return index + 1;
        }

        public String offerId() {
            return offerId;
        }

        public String sku() {
            return new Cart.Line(offerId, quantity, context).sku();
        }

        public String quantityShown() {
            return quantityShown;
        }

        public ContextForm context() {
            return context;
        }

        public Offer offer() {
            return offer;
        }

        public boolean reservation() {
            return offer != null && Offers.isReservation(offer);
        }

        /** "Windows Server 2022 Standard — 16 Core License Pack", the SKU in the reader's language. */
        public String name() {
            return CatalogTexts.name(productTitle, skuTitle);
        }

        public String productTitle() {
            return productTitle;
        }

        public String skuTitle() {
            return skuTitle;
        }

        public QuoteOrder.QuotedLine priced() {
            return priced;
        }

        public String quantityError() {
            return quantityError;
        }

        public String lineError() {
            return lineError;
        }

        public String contextErrorField() {
            return contextErrorField;
        }

        public String contextErrorKey() {
            return contextErrorKey;
        }

        public Object[] contextErrorArguments() {
            return contextErrorArguments;
        }

        public boolean contextMissing() {
            return contextMissing;
        }
    }

    /** What makes two posts of the review's form the same order: the cart it shows (not the request id or CSRF token). */
    @Serdeable
    record PlacedCart(List<Cart.Line> lines) {
    }

    @Serdeable
    record PlaceForm(@Nullable String cart, @Nullable String requestId, @Nullable String csrfToken) {
    }

    @Serdeable
    record LineForm(@Nullable String quantity, @Nullable String subscriptionId, @Nullable String scope,
                    @Nullable String resourceGroup, @Nullable String csrfToken) {
    }
}
