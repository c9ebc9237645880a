package com.cspdesk.application.cancellation.port.out;

import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.credit.CreditReason;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Credit notes: a cancelled line's credit, a cancelled renewal's, an approved refund or a goodwill
 * credit (issue #16: several per order line, each with its {@link CreditReason}), which land on the
 * monthly invoice of the month they were issued in (the next invoice after the purchase's).
 */
public interface Credits {

    /**
     * Records the notes. A line has at most one {@link CreditReason#CANCELLATION} note and a source
     * ({@code sourceRef}: the service request of a refund, the term of a renewal) credits a line at most
     * once: a batch breaking either is refused whole (the caller's transaction rolls back). What the
     * notes add to their lines' credited amounts is the order's to record
     * ({@code OrderCancellations.markCancelled} / {@code addCredits}), under the caller's lock of the order.
     */
    void issue(List<CreditNote> credits);

    /** Whether a note with that reason and source was issued already (an approved refund credits once). */
    boolean issuedFor(CreditReason reason, String sourceRef);

    /** The credit notes of one order of the customer, oldest first (then by id). */
    List<CreditNote> ofOrder(String customerTenantId, String orderId);

    /** Gross credits for Azure reservations of the customer issued at or after {@code since}. */
    List<Money> reservationRefundsSince(String customerTenantId, Instant since);

    record CreditNote(String id, String customerTenantId, String orderId, int lineItemNumber, ProductKind kind,
                      PriceQuote credit, Instant issuedAt, String issuedBy, CreditReason reason,
                      Optional<String> explanation, Optional<String> sourceRef) {

        public CreditNote {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(explanation, "explanation");
            Objects.requireNonNull(sourceRef, "sourceRef");
        }

        /** A cancelled line's credit. */
        public CreditNote(String id, String customerTenantId, String orderId, int lineItemNumber, ProductKind kind,
                          PriceQuote credit, Instant issuedAt, String issuedBy) {
            this(id, customerTenantId, orderId, lineItemNumber, kind, credit, issuedAt, issuedBy, CreditReason.CANCELLATION,
                    Optional.empty(), Optional.empty());
        }
    }
}
