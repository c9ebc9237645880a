package com.cspdesk.domain.money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A bought line's prices before tax, as Partner Center's order line {@code pricing} gives them ("price
 * amounts are provided before taxation"): the price of one unit and the line's extended price (the
 * quantity applied), which is exactly the net that was charged.
 *
 * <p>Where list prices exclude tax the unit price is the list price. Where they include it (AU, BR,
 * {@link TaxInclusiveMarkets}) the unit price before tax is the line's net divided by its quantity, rounded
 * once to the minor unit with {@link Money#ROUNDING}; so, as in Partner Center, the unit price times the
 * quantity may differ from the extended price by the rounding. The desk applies no discount and no
 * proration at purchase, so Partner Center's list, discounted, prorated and final unit prices are all
 * this one unit price.
 */
public record PreTaxPrices(Money unitPrice, Money extendedPrice) {

    public PreTaxPrices {
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(extendedPrice, "extendedPrice");
        unitPrice.requireSameCurrency(extendedPrice);
    }

    /**
     * The prices of {@code quantity} units bought at the list {@code unitPrice} and charged {@code charged};
     * {@code listPriceIncludesTax} says whether that list price included the tax.
     */
    public static PreTaxPrices of(Money listUnitPrice, int quantity, PriceQuote charged, boolean listPriceIncludesTax) {
        Objects.requireNonNull(listUnitPrice, "listUnitPrice");
        Objects.requireNonNull(charged, "charged");
        if (quantity < 1) {
            throw new IllegalArgumentException("a bought line has at least one unit: " + quantity);
        }
        Money net = charged.net();
        if (!listPriceIncludesTax) {
            return new PreTaxPrices(listUnitPrice, net);
        }
        BigDecimal unit = net.amount().divide(BigDecimal.valueOf(quantity), Money.minorUnitDigits(net.currency()),
                Money.ROUNDING);
        return new PreTaxPrices(new Money(unit, net.currency()), net);
    }
}
