package com.cspdesk.domain.cancellation;

import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.PriceQuote;
import java.time.Instant;
import java.util.Objects;

/**
 * What the cancellation rules need to know about one purchased line: its kind and term, when it was bought,
 * what was charged, what has been credited back already, and whether it is cancelled already.
 */
public record Purchase(
        ProductKind kind,
        TermDuration term,
        Instant purchasedAt,
        PriceQuote charged,
        PriceQuote alreadyCredited,
        boolean alreadyCancelled) {

    public Purchase {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(purchasedAt, "purchasedAt");
        Objects.requireNonNull(charged, "charged");
        Objects.requireNonNull(alreadyCredited, "alreadyCredited");
        if (!kind.isSoldWith(term)) {
            throw new IllegalArgumentException(kind + " is not sold with term " + term);
        }
        if (!alreadyCredited.isWithin(charged)) {
            throw new IllegalArgumentException("credited " + alreadyCredited + " exceeds charged " + charged);
        }
    }

    /** A purchase nothing has been credited for and that is not cancelled. */
    public static Purchase of(ProductKind kind, TermDuration term, Instant purchasedAt, PriceQuote charged) {
        return new Purchase(kind, term, purchasedAt, charged, PriceQuote.zero(charged.currency()), false);
    }

    /** What may still be credited: charged minus already credited. */
    public PriceQuote creditable() {
        return charged.minus(alreadyCredited);
    }
}
