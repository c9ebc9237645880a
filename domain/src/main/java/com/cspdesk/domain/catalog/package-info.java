/**
 * Products: what can be bought and what a purchase entitles to. Kinds and contract types
 * ({@link com.cspdesk.domain.catalog.ProductKind}, {@link com.cspdesk.domain.catalog.ContractType}),
 * terms ({@link com.cspdesk.domain.catalog.TermDuration}), versions, languages and bitness of a SKU,
 * earlier-version rights, which kinds may be sold in a market
 * ({@link com.cspdesk.domain.catalog.ProductAvailability}) and the Azure Hybrid Benefit.
 * Depends on {@code market} and {@code money}.
 */
package com.cspdesk.domain.catalog;
