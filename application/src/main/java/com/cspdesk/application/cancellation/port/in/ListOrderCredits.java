package com.cspdesk.application.cancellation.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.money.Money;
import com.cspdesk.domain.money.PriceQuote;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Spec "Post-cancellation details" (issue #17): the credit notes of one order — a cancelled line's credit,
 * and any refund or goodwill credit — each with the invoice it landed on, or none yet (then it lands on the
 * next monthly invoice). Oldest first. Not found ({@code customer_not_found}, {@code order_not_found}) when
 * the order or its customer is not visible. Needs {@code VIEW_ORDERS}.
 */
public interface ListOrderCredits {

    Lookup<List<OrderCredit>> credits(CustomerRef customer, String orderId, Actor actor);

    /**
     * {@code credit} is what the note gives back (positive parts, as the note stores it); {@link #grossCredited()}
     * is how an invoice shows it, negative. {@code reason} is the {@code CreditReason} code.
     */
    record OrderCredit(String id, int lineItemNumber, String reason, PriceQuote credit, Instant issuedAt,
                       Optional<String> invoiceId, Optional<YearMonth> billingMonth) {

        public OrderCredit {
            Objects.requireNonNull(credit, "credit");
            Objects.requireNonNull(invoiceId, "invoiceId");
            Objects.requireNonNull(billingMonth, "billingMonth");
        }

        /** The gross amount as the invoice shows a credit: negative. */
        public Money grossCredited() {
            return credit.gross().negate();
        }

        public boolean invoiced() {
            return invoiceId.isPresent();
        }
    }
}
