/**
 * Money, prices and tax: {@link com.cspdesk.domain.money.Money} (BigDecimal + Currency, never double),
 * {@link com.cspdesk.domain.money.PriceQuote} (net, tax, gross of a line), per-market
 * {@link com.cspdesk.domain.money.TaxRates}, the tax-inclusive markets of spec "Buy software subscriptions
 * on behalf of customers" step 3 ({@link com.cspdesk.domain.money.TaxInclusiveMarkets}) and the
 * quoting rule that combines them ({@link com.cspdesk.domain.money.PriceQuotePolicy}); a bought line's
 * prices before tax as Partner Center's order {@code pricing} gives them ({@link com.cspdesk.domain.money.PreTaxPrices}).
 * Depends on {@code market} only.
 */
package com.cspdesk.domain.money;
