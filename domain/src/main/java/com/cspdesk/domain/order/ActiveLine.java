package com.cspdesk.domain.order;

import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import java.time.Instant;
import java.util.Objects;

/** A line in use: what was bought, how many, and what it was charged. */
public record ActiveLine(
        int lineItemNumber,
        OfferId offerId,
        ProductKind kind,
        TermDuration term,
        int quantity,
        Money unitPrice,
        PriceQuote charged) implements OrderLine {

    public ActiveLine {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(charged, "charged");
        if (lineItemNumber < 0) {
            throw new IllegalArgumentException("line item numbers start at 0: " + lineItemNumber);
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("an active line has a quantity of at least 1: " + quantity);
        }
        if (!kind.isSoldWith(term)) {
            throw new IllegalArgumentException(kind + " is not sold with term " + term);
        }
        unitPrice.requireSameCurrency(charged.gross());
    }

    /** Spec "Post-cancellation details": the line keeps its record of what was bought and charged. */
    CancelledLine cancel(PriceQuote credit, Instant cancelledAt) {
        return new CancelledLine(lineItemNumber, offerId, kind, term, quantity, unitPrice, charged, credit, cancelledAt);
    }
}
