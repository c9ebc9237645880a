package com.cspdesk.application.invoicing.port.out;

import com.cspdesk.domain.money.PriceQuote;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The charges of subscriptions' renewed terms (issue #16): the monthly invoice takes each like an order's
 * charge, on the invoice of the month the term starts in. Term 1 is the purchase (the order line's own
 * charge); renewals are terms 2, 3, …
 */
public interface RenewalCharges {

    /**
     * Records a renewed term and its charge, in the caller's transaction. A term is charged once: the
     * same line and term number again is refused ({@link IllegalStateException} or the database's
     * duplicate key), so two instances renewing at once cannot both charge it.
     */
    void add(RenewalCharge charge);

    /** The line's renewed terms, oldest first. */
    List<RenewalCharge> ofLine(String orderId, int lineItemNumber);

    record RenewalCharge(String orderId, int lineItemNumber, int termNumber, String customerTenantId, PriceQuote charge,
                         Instant startsAt, Instant endsAt, Instant madeAt) {
        public RenewalCharge {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(customerTenantId, "customerTenantId");
            Objects.requireNonNull(charge, "charge");
            Objects.requireNonNull(startsAt, "startsAt");
            Objects.requireNonNull(endsAt, "endsAt");
            Objects.requireNonNull(madeAt, "madeAt");
            if (termNumber < 2) {
                throw new IllegalArgumentException("a renewal is term 2 or later: " + termNumber);
            }
            if (!endsAt.isAfter(startsAt)) {
                throw new IllegalArgumentException("a term ends after it starts: " + startsAt + " – " + endsAt);
            }
        }
    }
}
