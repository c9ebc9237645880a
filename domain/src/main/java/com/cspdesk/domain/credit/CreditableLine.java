package com.cspdesk.domain.credit;

import com.cspdesk.domain.money.PriceQuote;

import java.util.Objects;

/** One order line as a manual credit sees it: what it charged and what has been credited on it so far. */
public record CreditableLine(int lineItemNumber, PriceQuote charged, PriceQuote credited) {

    public CreditableLine {
        Objects.requireNonNull(charged, "charged");
        Objects.requireNonNull(credited, "credited");
        if (!credited.isWithin(charged)) {
            throw new IllegalArgumentException("line " + lineItemNumber + " credited " + credited + " beyond its charge " + charged);
        }
    }

    /** What may still be credited on this line. */
    public PriceQuote creditable() {
        return charged.minus(credited);
    }
}
