package com.cspdesk.application.ordering;

import com.cspdesk.application.catalog.port.out.Catalog;
import com.cspdesk.application.customers.port.out.Customers;
import com.cspdesk.application.ordering.port.in.PlaceOrder.LineItem;
import com.cspdesk.application.ordering.port.in.QuoteOrder;
import com.cspdesk.application.ordering.port.in.PlaceOrder.PlaceOrderCommand;
import com.cspdesk.application.ordering.port.in.PlaceOrder.Reason;
import com.cspdesk.application.ordering.port.in.PlaceOrder.Refused;
import com.cspdesk.domain.catalog.ProductAvailability;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.market.MarketAvailability;
import com.cspdesk.domain.money.MarketCurrencies;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.money.PriceQuotePolicy;
import com.cspdesk.domain.order.OfferId;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an order would cost and whether it may be placed: every line checked against the catalog
 * and the customer's market, and priced with the domain's quote policy. Placing an order and
 * quoting one both go through here, so the review shows exactly what is charged and refuses
 * exactly what placing refuses.
 */
final class OrderPricing {

    private final Catalog catalog;
    private final ProductAvailability productAvailability;
    private final MarketCurrencies marketCurrencies;
    private final PriceQuotePolicy priceQuotePolicy;

    OrderPricing(Catalog catalog, ProductAvailability productAvailability, MarketCurrencies marketCurrencies,
                 PriceQuotePolicy priceQuotePolicy) {
        this.catalog = catalog;
        this.productAvailability = productAvailability;
        this.marketCurrencies = marketCurrencies;
        this.priceQuotePolicy = priceQuotePolicy;
    }

    /** The order for {@code customer} priced line by line, or the refusal placing it would give. */
    Outcome price(Customers.Customer customer, PlaceOrderCommand command) {
        List<LineItem> items = command.lineItems();
        if (items.isEmpty() || items.size() > Ordering.MAX_LINE_ITEMS) {
            return refused(Reason.LINE_ITEMS_INVALID, "lineItems", String.valueOf(Ordering.MAX_LINE_ITEMS));
        }
        Market market = customer.country();
        String billingCycle = command.billingCycle() == null ? "" : command.billingCycle().strip().toLowerCase(Locale.ROOT);
        Set<Integer> numbers = new HashSet<>();
        List<Priced> priced = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            LineItem item = items.get(i);
            String at = "lineItems[" + i + "]";
            if (!numbers.add(item.lineItemNumber())) {
                return refused(Reason.LINE_ITEM_NUMBER_DUPLICATE, at + ".lineItemNumber", String.valueOf(item.lineItemNumber()));
            }
            Optional<Offer> offer = offer(item.offerId());
            if (offer.isEmpty()) {
                return refused(Reason.OFFER_INVALID, at + ".offerId", String.valueOf(item.offerId()));
            }
            Offer o = offer.get();
            if (productAvailability.check(o.product().kind(), market) instanceof MarketAvailability.Unavailable) {
                return refused(Reason.MARKET_UNAVAILABLE, at + ".offerId", market.code(), o.product().title());
            }
            if (!o.availability().currency().equals(marketCurrencies.currencyOf(market))) {
                return refused(Reason.OFFER_NOT_FOR_MARKET, at + ".offerId", market.code(),
                        marketCurrencies.currencyOf(market).getCurrencyCode());
            }
            if (item.quantity() < o.sku().minimumQuantity() || item.quantity() > o.sku().maximumQuantity()) {
                return refused(Reason.QUANTITY_OUT_OF_RANGE, at + ".quantity",
                        String.valueOf(o.sku().minimumQuantity()), String.valueOf(o.sku().maximumQuantity()));
            }
            if (!o.sku().billingCycles().contains(billingCycle)) {
                return refused(Reason.BILLING_CYCLE_NOT_SUPPORTED, "billingCycle", String.join(", ", o.sku().billingCycles()));
            }
            PriceQuote quote = priceQuotePolicy.quote(o.availability().unitPrice(), item.quantity(), market);
            priced.add(new Priced(item, o, quote));
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

    private static Refusal refused(Reason reason, String field, String... arguments) {
        return new Refusal(new Refused(reason, field, List.of(arguments)));
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

    record Priced(LineItem item, Offer offer, PriceQuote quote) {
    }
}
