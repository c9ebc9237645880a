package com.cspdesk.domain.money;

import java.util.Currency;

/** Thrown when arithmetic mixes two currencies: a programming error, never a business outcome. */
public final class CurrencyMismatchException extends IllegalArgumentException {

    public CurrencyMismatchException(Currency expected, Currency actual) {
        super("currency mismatch: " + expected.getCurrencyCode() + " vs " + actual.getCurrencyCode());
    }
}
