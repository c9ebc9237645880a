package com.cspdesk.application.ordering.port.out;

import com.cspdesk.domain.catalog.ProductKind;
import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;

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

    record StoredLine(int lineItemNumber, String offerId, String productId, String skuId, String availabilityId,
                      String friendlyName, ProductKind kind, TermDuration term, int quantity, Money unitPrice,
                      PriceQuote charged, boolean taxIncluded, LineStatus status, PriceQuote credited,
                      Optional<Instant> cancelledAt) {
    }

    record Cursor(Instant createdAt, String orderId) {
    }
}
