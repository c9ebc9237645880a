package com.cspdesk.application.ordering.port.in;

import com.cspdesk.domain.catalog.TermDuration;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PreTaxPrices;
import com.cspdesk.domain.money.PriceQuote;
import com.cspdesk.domain.order.LineStatus;
import com.cspdesk.domain.order.OrderStatus;
import com.cspdesk.domain.reservation.ReservationProvisioning;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** An order as api.md shows it, with its prices and tax as they were at purchase. */
public record OrderView(String id, String customerTenantId, String billingCycle, Currency currency, Instant creationDate,
                        OrderStatus status, List<Line> lineItems, PriceQuote totals, String createdBy) {

    public OrderView {
        lineItems = List.copyOf(lineItems);
    }

    /**
     * A line: {@code quantity} is 0 once cancelled, {@code charged} is what was bought and {@code preTax} its prices
     * before tax (of what was bought, so a cancelled line keeps them). {@code subscriptionId} is the subscription the
     * line made, where it made one. {@code provisioning} is where an Azure reservation line applies (issue #16).
     */
    public record Line(int lineItemNumber, String offerId, String productId, String skuId, String friendlyName,
                       int quantity, TermDuration termDuration, Money unitPrice, PriceQuote charged,
                       boolean taxIncluded, LineStatus status, PreTaxPrices preTax, Optional<String> subscriptionId,
                       Optional<ReservationProvisioning> provisioning) {

        public Line {
            java.util.Objects.requireNonNull(provisioning, "provisioning");
        }

        /** A line without a provisioning context. */
        public Line(int lineItemNumber, String offerId, String productId, String skuId, String friendlyName,
                    int quantity, TermDuration termDuration, Money unitPrice, PriceQuote charged,
                    boolean taxIncluded, LineStatus status, PreTaxPrices preTax, Optional<String> subscriptionId) {
            this(lineItemNumber, offerId, productId, skuId, friendlyName, quantity, termDuration, unitPrice, charged,
                    taxIncluded, status, preTax, subscriptionId, Optional.empty());
        }
    }
}
