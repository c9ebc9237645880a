package com.cspdesk.domain.order;

import com.cspdesk.domain.catalog.ProductAvailability;
import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.market.Market;
import com.cspdesk.domain.market.MarketAvailability;
import com.cspdesk.domain.money.MarketCurrencies;
import com.cspdesk.domain.order.OrderPlacement.Reason;
import com.cspdesk.domain.order.OrderPlacement.Refused;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Spec "Buy software subscriptions on behalf of customers": whether an order may be placed for a customer
 * in {@code market}. The first fault wins, line by line in the requested order:
 * <ol>
 *   <li>1 to {@value #MAX_LINE_ITEMS} lines;</li>
 *   <li>each line: a line item number of 0 or more, not used by an earlier line; an offer from the catalog;
 *       sold in the market ({@link ProductAvailability}); priced in the market's currency
 *       ({@link MarketCurrencies}); a quantity of at least 1 that does not take its SKU's total past the
 *       SKU's maximum; a SKU that supports the order's billing cycle;</li>
 *   <li>then each SKU's total reaches the SKU's minimum (blamed on the SKU's last line).</li>
 * </ol>
 * A SKU's quantity range applies to the order, not to each line: two lines of the same SKU count together.
 */
public final class OrderPlacementPolicy {

    /** The most lines one order may have. */
    public static final int MAX_LINE_ITEMS = 50;

    private final ProductAvailability productAvailability;
    private final MarketCurrencies marketCurrencies;

    public OrderPlacementPolicy(ProductAvailability productAvailability, MarketCurrencies marketCurrencies) {
        this.productAvailability = Objects.requireNonNull(productAvailability, "productAvailability");
        this.marketCurrencies = Objects.requireNonNull(marketCurrencies, "marketCurrencies");
    }

    /** A requested line: its number, the catalog's offer (empty when the catalog has none) and the quantity asked. */
    public record Line(int lineItemNumber, Optional<Offer> offer, int quantity) {
        public Line {
            Objects.requireNonNull(offer, "offer");
        }
    }

    /** What the catalog says about an offer: its kind, its price's currency, and its SKU's quantity range and billing cycles. */
    public record Offer(OfferId id, ProductKind kind, Currency currency, int minimumQuantity, int maximumQuantity,
                        Set<String> billingCycles) {
        public Offer {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(currency, "currency");
            billingCycles = Set.copyOf(billingCycles);
            if (minimumQuantity < 0 || maximumQuantity < minimumQuantity) {
                throw new IllegalArgumentException("a SKU's range is 0 <= minimum <= maximum: " + minimumQuantity + ".." + maximumQuantity);
            }
        }

        /** Lines of the same SKU share its quantity range, whichever availability they name. */
        String sku() {
            return id.productId() + ":" + id.skuId();
        }
    }

    /** Whether {@code lines} may be ordered with {@code billingCycle} by a customer in {@code market}. */
    public OrderPlacement check(Market market, String billingCycle, List<Line> lines) {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(billingCycle, "billingCycle");
        Objects.requireNonNull(lines, "lines");
        if (lines.isEmpty() || lines.size() > MAX_LINE_ITEMS) {
            return Refused.ofLines(Reason.LINE_ITEMS_INVALID, String.valueOf(MAX_LINE_ITEMS));
        }
        Currency currency = marketCurrencies.currencyOf(market);
        Set<Integer> numbers = new HashSet<>();
        Map<String, Long> totals = new HashMap<>();
        Map<String, Integer> lastLineOfSku = new HashMap<>();
        for (int index = 0; index < lines.size(); index++) {
            Line line = lines.get(index);
            if (line.lineItemNumber() < 0) {
                return Refused.onLine(Reason.LINE_ITEM_NUMBER_INVALID, index, String.valueOf(line.lineItemNumber()));
            }
            if (!numbers.add(line.lineItemNumber())) {
                return Refused.onLine(Reason.LINE_ITEM_NUMBER_DUPLICATE, index, String.valueOf(line.lineItemNumber()));
            }
            if (line.offer().isEmpty()) {
                return Refused.onLine(Reason.OFFER_INVALID, index);
            }
            Offer offer = line.offer().get();
            if (productAvailability.check(offer.kind(), market) instanceof MarketAvailability.Unavailable) {
                return Refused.onLine(Reason.MARKET_UNAVAILABLE, index, market.code());
            }
            if (!offer.currency().equals(currency)) {
                return Refused.onLine(Reason.OFFER_NOT_FOR_MARKET, index, market.code(), currency.getCurrencyCode());
            }
            long total = totals.merge(offer.sku(), (long) line.quantity(), Long::sum);
            if (line.quantity() < 1 || total > offer.maximumQuantity()) {
                return quantityOutOfRange(index, offer);
            }
            if (!offer.billingCycles().contains(billingCycle)) {
                return Refused.onLine(Reason.BILLING_CYCLE_NOT_SUPPORTED, index, String.join(", ", new TreeSet<>(offer.billingCycles())));
            }
            lastLineOfSku.put(offer.sku(), index);
        }
        for (int index = 0; index < lines.size(); index++) {
            Offer offer = lines.get(index).offer().orElseThrow();
            if (lastLineOfSku.get(offer.sku()) == index && totals.get(offer.sku()) < offer.minimumQuantity()) {
                return quantityOutOfRange(index, offer);
            }
        }
        return new OrderPlacement.Accepted();
    }

    private static Refused quantityOutOfRange(int index, Offer offer) {
        return Refused.onLine(Reason.QUANTITY_OUT_OF_RANGE, index, String.valueOf(offer.minimumQuantity()),
                String.valueOf(offer.maximumQuantity()));
    }
}
