package com.cspdesk.application.cancellation.port.out;

import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;

import java.time.Instant;
import java.util.List;

/**
 * Credit notes: a cancelled line's credit, which lands on the monthly invoice of the month it
 * was issued in (the next invoice after the purchase's).
 */
public interface Credits {

    void issue(List<CreditNote> credits);

    /** Gross credits for Azure reservations of the customer issued at or after {@code since}. */
    List<Money> reservationRefundsSince(String customerTenantId, Instant since);

    record CreditNote(String id, String customerTenantId, String orderId, int lineItemNumber, ProductKind kind,
                      PriceQuote credit, Instant issuedAt, String issuedBy) {
    }
}
