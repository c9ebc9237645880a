package com.cspdesk.application.ordering;

import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.in.PlaceOrder.LineItem;
import com.cspdesk.application.ordering.port.in.QuoteOrder;
import com.cspdesk.application.ordering.port.in.PlaceOrder.PlaceOrderCommand;
import com.cspdesk.application.ordering.port.in.PlaceOrder.Refused;
import com.cspdesk.domain.catalog.ProductAvailability;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.money.MarketCurrencies;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.PriceQuotePolicy;
import com.cspdesk.domain.order.OfferId;
import com.cspdesk.domain.order.OrderPlacement;
import com.cspdesk.domain.order.OrderPlacementPolicy;
import com.cspdesk.domain.reservation.ProvisioningCheck;
import com.cspdesk.domain.reservation.ReservationProvisioning;
import com.cspdesk.domain.reservation.ReservationProvisioningPolicy;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an order would cost and whether it may be placed: every line's offer read from the catalog,
 * the domain's {@link OrderPlacementPolicy} deciding, and each line priced with the domain's quote
 * policy, and each line's provisioning context judged by the domain's {@link ReservationProvisioningPolicy}
 * (after the placement policy, line by line). Placing an order and quoting one both go through here, so the review shows exactly what
 * is charged and refuses exactly what placing refuses.
 */
final class OrderPricing {

    private final Catalog catalog;
    private final MarketCurrencies marketCurrencies;
    private final PriceQuotePolicy priceQuotePolicy;
    private final OrderPlacementPolicy placementPolicy;
    private final ReservationProvisioningPolicy provisioningPolicy = new ReservationProvisioningPolicy();

    OrderPricing(Catalog catalog, ProductAvailability productAvailability, MarketCurrencies marketCurrencies,
                 PriceQuotePolicy priceQuotePolicy) {
        this.catalog = catalog;
        this.marketCurrencies = marketCurrencies;
        this.priceQuotePolicy = priceQuotePolicy;
        this.placementPolicy = new OrderPlacementPolicy(productAvailability, marketCurrencies);
    }

    /** The order for {@code customer} priced line by line, or the refusal placing it gets. */
    Outcome price(Customers.Customer customer, PlaceOrderCommand command) {
        List<LineItem> items = command.lineItems();
        Market market = customer.country();
        String billingCycle = command.billingCycle() == null ? "" : command.billingCycle().strip().toLowerCase(Locale.ROOT);
        List<Optional<Offer>> offers = items.stream().map(item -> offer(item.offerId())).toList();
        List<OrderPlacementPolicy.Line> requested = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            requested.add(new OrderPlacementPolicy.Line(items.get(i).lineItemNumber(),
                    offers.get(i).map(OrderPricing::placementTerms), items.get(i).quantity()));
        }
        if (placementPolicy.check(market, billingCycle, requested) instanceof OrderPlacement.Refused refused) {
            return new Refusal(Refused.of(refused));
        }
        List<Priced> priced = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Offer o = offers.get(i).orElseThrow();
            ProvisioningCheck provisioning = provisioningPolicy.forLine(o.product().kind(), o.sku().term(),
                    items.get(i).provisioningContext());
            if (provisioning instanceof ProvisioningCheck.Refused contextRefused) {
                return new Refusal(Refused.of(OrderPlacement.Refused.ofContext(i, contextRefused)));
            }
            PriceQuote quote = priceQuotePolicy.quote(o.availability().unitPrice(), items.get(i).quantity(), market);
            priced.add(new Priced(items.get(i), o, quote, ((ProvisioningCheck.Accepted) provisioning).provisioning()));
        }
        return new PricedOrder(market, billingCycle, marketCurrencies.currencyOf(market),
                priceQuotePolicy.includesTax(market), List.copyOf(priced));
    }

    private Optional<Offer> offer(String offerId) {
        if (offerId == null) {
            return Optional.empty();
        }
        OfferId id;
        try {
            id = new OfferId(offerId.strip());
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        String[] parts = id.value().split(":");
        Optional<Catalog.Product> product = catalog.product(parts[0]);
        Optional<Catalog.Sku> sku = catalog.sku(parts[0], parts[1]);
        Optional<Catalog.Availability> availability = catalog.availability(parts[0], parts[1], parts[2]);
        if (product.isEmpty() || sku.isEmpty() || availability.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Offer(id, product.get(), sku.get(), availability.get()));
    }

    /** What the placement policy needs to know about an offer. */
    private static OrderPlacementPolicy.Offer placementTerms(Offer offer) {
        return new OrderPlacementPolicy.Offer(offer.offerId(), offer.product().kind(), offer.availability().currency(),
                offer.sku().minimumQuantity(), offer.sku().maximumQuantity(), offer.sku().billingCycles());
    }

    sealed interface Outcome {
    }

    /** Every line may be bought; {@code billingCycle} normalised as it is stored. */
    record PricedOrder(Market market, String billingCycle, Currency currency, boolean taxIncluded, List<Priced> lines)
            implements Outcome {

        /** The review's view of it; totals are the sum of the rounded lines, as an order's are. */
        QuoteOrder.OrderQuote asQuote(String customerTenantId) {
            List<QuoteOrder.QuotedLine> quoted = lines.stream().map(p -> new QuoteOrder.QuotedLine(p.item().lineItemNumber(),
                    p.offer().offerId().value(), p.offer().product().id(), p.offer().product().title(), p.offer().sku().id(),
                    p.offer().sku().title(), p.item().quantity(), p.offer().availability().unitPrice(), p.quote())).toList();
            return new QuoteOrder.OrderQuote(customerTenantId, market, billingCycle, currency, taxIncluded, quoted,
                    PriceQuote.total(currency, lines.stream().map(Priced::quote).toList()));
        }
    }

    record Refusal(Refused refused) implements Outcome {
    }

    record Offer(OfferId offerId, Catalog.Product product, Catalog.Sku sku, Catalog.Availability availability) {
    }

    /** A line priced, with where it is provisioned (an Azure reservation's subscription and scope; empty for others). */
    record Priced(LineItem item, Offer offer, PriceQuote quote, Optional<ReservationProvisioning> provisioning) {
    }
}
