package com.cspdesk.application.subscriptions.port.out;

import com.cspdesk.domain.money.PriceQuote;

import java.time.Instant;

/**
 * The charge of a renewed term (term 2 and later), which the monthly invoice run of the month it was
 * made in takes as a charge of the order's line. Unique per line and term: a term is charged once.
 */
public interface TermCharges {

    void charge(TermCharge charge);

    record TermCharge(String orderId, int lineItemNumber, int termNumber, String customerTenantId, Instant startsAt,
                      Instant endsAt, PriceQuote charge, Instant madeAt) {
    }
}
