package com.cspdesk.application.ordering.port.out;

import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import com.cspdesk.domain.reservation.ReservationProvisioning;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** The stored orders, always addressed through their customer's tenant id (the sharding key). */
public interface Orders {

    void add(StoredOrder order);

    Optional<StoredOrder> find(String customerTenantId, String orderId);

    /** Newest first (creation date, then id, both descending), after {@code after} (exclusive). */
    List<StoredOrder> page(String customerTenantId, Optional<Cursor> after, int limit);

    long count(String customerTenantId);

    /** An order as it was bought: prices, tax and names are a snapshot, never re-read from the catalog. */
    record StoredOrder(String id, String customerTenantId, String billingCycle, Currency currency, Instant createdAt,
                       OrderStatus status, PriceQuote totals, String createdBy, List<StoredLine> lines) {
        public StoredOrder {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Changes where a reservation line applies (issue #16): its provisioning, nothing else. False when the customer has
     * no such order or the order no such line.
     */
    boolean changeProvisioning(String customerTenantId, String orderId, int lineItemNumber, ReservationProvisioning provisioning);

    /** {@code provisioning}: where an Azure reservation line applies (its provisioning context); empty for other lines. */
    record StoredLine(int lineItemNumber, String offerId, String productId, String skuId, String availabilityId,
                      String friendlyName, ProductKind kind, TermDuration term, int quantity, Money unitPrice,
                      PriceQuote charged, boolean taxIncluded, LineStatus status, PriceQuote credited,
                      Optional<Instant> cancelledAt, Optional<ReservationProvisioning> provisioning) {

        public StoredLine {
            java.util.Objects.requireNonNull(provisioning, "provisioning");
        }

        /** A line without a provisioning context (every line but an Azure reservation's). */
        public StoredLine(int lineItemNumber, String offerId, String productId, String skuId, String availabilityId,
                          String friendlyName, ProductKind kind, TermDuration term, int quantity, Money unitPrice,
                          PriceQuote charged, boolean taxIncluded, LineStatus status, PriceQuote credited,
                          Optional<Instant> cancelledAt) {
            this(lineItemNumber, offerId, productId, skuId, availabilityId, friendlyName, kind, term, quantity, unitPrice,
                    charged, taxIncluded, status, credited, cancelledAt, Optional.empty());
        }

        /** The same line, provisioned elsewhere. */
        public StoredLine withProvisioning(ReservationProvisioning changed) {
            return new StoredLine(lineItemNumber, offerId, productId, skuId, availabilityId, friendlyName, kind, term, quantity,
                    unitPrice, charged, taxIncluded, status, credited, cancelledAt, Optional.of(changed));
        }
    }

    record Cursor(Instant createdAt, String orderId) {
    }
}
