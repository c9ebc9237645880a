package com.cspdesk.domain.money;

import com.cspdesk.domain.market.Market;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Spec "Buy software subscriptions on behalf of customers" step 3: quotes a line's net, tax and gross, tax on top or (AU, BR) inside the price.
 *
 * <p>Rounding rule, per line: the line amount is {@code unit price × quantity} (exact, the unit price is
 * already at the minor unit); then
 * <ul>
 *   <li>where prices exclude tax: {@code tax = round(net × rate)}, {@code gross = net + tax};</li>
 *   <li>where prices include tax ({@link TaxInclusiveMarkets}): the line amount is the gross,
 *       {@code tax = round(gross × rate / (1 + rate))}, {@code net = gross - tax}.</li>
 * </ul>
 * {@code round} is to the currency's minor unit with {@link Money#ROUNDING}, applied once to the exact
 * quotient. Totals of an order are the sum of these rounded lines ({@link PriceQuote#total}), never
 * recomputed from the summed net, so the invoice adds up line by line.
 */
public final class PriceQuotePolicy {

    private final TaxRates taxRates;
    private final TaxInclusiveMarkets taxInclusiveMarkets;

    public PriceQuotePolicy(TaxRates taxRates, TaxInclusiveMarkets taxInclusiveMarkets) {
        this.taxRates = Objects.requireNonNull(taxRates, "taxRates");
        this.taxInclusiveMarkets = Objects.requireNonNull(taxInclusiveMarkets, "taxInclusiveMarkets");
    }

    /** Default rates and the spec's tax-inclusive markets (AU, BR). */
    public static PriceQuotePolicy defaults() {
        return new PriceQuotePolicy(TaxRates.defaults(), TaxInclusiveMarkets.asInSpec());
    }

    /** Quotes {@code quantity} units at the market's list {@code unitPrice} (gross in AU/BR, net elsewhere). */
    public PriceQuote quote(Money unitPrice, long quantity, Market market) {
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("a list price is not negative: " + unitPrice);
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1: " + quantity);
        }
        Money lineAmount = unitPrice.times(quantity);
        BigDecimal rate = taxRates.rateFor(market).value();
        if (taxInclusiveMarkets.includesTax(market)) {
            BigDecimal includedTax = lineAmount.amount().multiply(rate)
                    .divide(BigDecimal.ONE.add(rate), lineAmount.amount().scale(), Money.ROUNDING);
            return PriceQuote.fromGrossAndTax(lineAmount, new Money(includedTax, lineAmount.currency()));
        }
        return PriceQuote.fromNetAndTax(lineAmount, lineAmount.times(rate));
    }

    /** Whether list prices in the market include tax (for the catalog's {@code taxIncluded} flag). */
    public boolean includesTax(Market market) {
        return taxInclusiveMarkets.includesTax(market);
    }

    public TaxRate rateFor(Market market) {
        return taxRates.rateFor(market);
    }
}
