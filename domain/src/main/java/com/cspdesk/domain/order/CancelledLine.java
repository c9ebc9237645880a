package com.cspdesk.domain.order;

import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import java.time.Instant;
import java.util.Objects;

/**
 * Spec "Post-cancellation details": a cancelled line keeps its record, with what it was bought for, charged
 * and credited. (That its key and links go and the API shows quantity 0 is the read side's business:
 * {@code SoftwareRevocations} and the order views.)
 */
public record CancelledLine(
        int lineItemNumber,
        OfferId offerId,
        ProductKind kind,
        TermDuration term,
        int boughtQuantity,
        Money unitPrice,
        PriceQuote charged,
        PriceQuote credited,
        Instant cancelledAt) implements OrderLine {

    public CancelledLine {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(charged, "charged");
        Objects.requireNonNull(credited, "credited");
        Objects.requireNonNull(cancelledAt, "cancelledAt");
        if (!credited.isWithin(charged)) {
            throw new IllegalArgumentException("credited " + credited + " exceeds charged " + charged);
        }
    }
}
