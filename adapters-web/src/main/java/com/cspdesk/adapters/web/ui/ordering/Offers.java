package com.cspdesk.adapters.web.ui.ordering;

import com.cspdesk.adapters.web.ui.ordering.ProductPagesController.Offer;
import com.cspdesk.application.catalog.port.in.CatalogViews.ProductView;
import com.cspdesk.application.catalog.port.in.CatalogViews.SkuView;
import com.cspdesk.application.catalog.port.in.ListAvailabilities;
import com.cspdesk.application.catalog.port.in.ListProducts;
import com.cspdesk.application.catalog.port.in.ListSkus;
import com.cspdesk.application.customers.port.in.CustomerView;
import com.cspdesk.application.ordering.port.in.PlaceOrder;
import com.cspdesk.application.ordering.port.in.QuoteOrder;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.catalog.ContractType;
import com.cspdesk.domain.order.OrderPlacement;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The buying pages' reading of the catalog (an offer by its id, the products by id) and their orders: a cart's lines
 * as the {@link PlaceOrder} command the API would send, and the domain's quantity rule asked of {@link QuoteOrder}.
 */
@Singleton
class Offers {

    private final ListProducts listProducts;
    private final ListSkus listSkus;
    private final ListAvailabilities listAvailabilities;
    private final QuoteOrder quoteOrder;

    Offers(ListProducts listProducts, ListSkus listSkus, ListAvailabilities listAvailabilities, QuoteOrder quoteOrder) {
        this.listProducts = listProducts;
        this.listSkus = listSkus;
        this.listAvailabilities = listAvailabilities;
        this.quoteOrder = quoteOrder;
    }

    /** The offer {@code productId:skuId:availabilityId} in the customer's market, if the catalog has it. */
    Optional<Offer> offer(CustomerView customer, @Nullable String offerId, Actor actor) {
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

    /** The market's products by id. */
    Map<String, ProductView> products(CustomerView customer, Actor actor) {
        Map<String, ProductView> products = new LinkedHashMap<>();
        listProducts.products(customer.country(), Optional.empty(), actor).ifFound().orElse(List.of())
                .forEach(product -> products.put(product.id(), product));
        return products;
    }

    static boolean isReservation(Offer offer) {
        return offer.sku().contractType() == ContractType.RESERVATION;
    }

    /**
     * The order of {@code lines} ({@code offers} the catalog's reading of each, empty where it has none), numbered from
     * 0 in the cart's order, in the first billing cycle every SKU supports — the placing code refuses a mix that has
     * none. A reservation's line carries its context.
     */
    static PlaceOrder.PlaceOrderCommand command(CustomerView customer, List<Cart.Line> lines, List<Optional<Offer>> offers) {
        Set<String> common = null;
        for (Optional<Offer> offer : offers) {
            if (offer.isPresent()) {
                Set<String> cycles = new TreeSet<>(offer.get().sku().supportedBillingCycles());
                if (common == null) {
                    common = cycles;
                } else {
                    common.retainAll(cycles);
                }
            }
        }
        String billingCycle = common == null || common.isEmpty()
                ? offers.stream().flatMap(Optional::stream).findFirst()
                        .flatMap(o -> o.sku().supportedBillingCycles().stream().sorted().findFirst()).orElse("one_time")
                : common.iterator().next();
        List<PlaceOrder.LineItem> items = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            Cart.Line line = lines.get(index);
            boolean reservation = offers.get(index).map(Offers::isReservation).orElse(false);
            items.add(new PlaceOrder.LineItem(index, line.offerId(), line.quantity(),
                    reservation ? line.context().asProvisioningContext() : Map.of()));
        }
        return new PlaceOrder.PlaceOrderCommand(customer.ref(), billingCycle, items);
    }

    /** Each line's offer, as the catalog reads it now. */
    List<Optional<Offer>> offersOf(CustomerView customer, List<Cart.Line> lines, Actor actor) {
        Map<String, Optional<Offer>> read = new LinkedHashMap<>();
        List<Optional<Offer>> offers = new ArrayList<>();
        for (Cart.Line line : lines) {
            offers.add(read.computeIfAbsent(line.offerId(), id -> offer(customer, id, actor)));
        }
        return offers;
    }

    QuoteOrder.QuoteOrderResult quote(CustomerView customer, Cart cart, Actor actor) {
        return quoteOrder.quote(command(customer, cart.lines(), offersOf(customer, cart.lines(), actor)), actor);
    }

    /**
     * The domain's quantity rule for the line at {@code index} of {@code cart}: its SKU's quantity in the order (its
     * lines count together) within the SKU's minimum and maximum. Asked of the quote, which checks it by the code that
     * places orders; empty when the quantity is right, else the SKU's total and its range.
     */
    Optional<QuantityRefusal> quantityRefusal(CustomerView customer, Cart cart, int index, Actor actor) {
        Cart.SkuLines sku = cart.skuLinesOf(index);
        QuoteOrder.QuoteOrderResult result = quoteOrder.quote(command(customer, sku.lines(),
                offersOf(customer, sku.lines(), actor)), actor);
        if (result instanceof QuoteOrder.WouldBeRefused refused
                && refused.refusal().reason() == OrderPlacement.Reason.QUANTITY_OUT_OF_RANGE) {
            long total = sku.lines().stream().mapToLong(Cart.Line::quantity).sum();
            List<String> range = refused.refusal().arguments();
            return Optional.of(new QuantityRefusal(total, Long.parseLong(range.get(0)), Long.parseLong(range.get(1))));
        }
        return Optional.empty();
    }

    /** The SKU's quantity the order would have, and the SKU's minimum and maximum, as the domain's refusal names them. */
    record QuantityRefusal(long total, long minimum, long maximum) {
    }
}
