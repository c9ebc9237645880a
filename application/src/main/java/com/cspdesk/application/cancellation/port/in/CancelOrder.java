package com.cspdesk.application.cancellation.port.in;

import com.cspdesk.application.ordering.port.in.OrderView;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.cancellation.Acknowledgement;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.money.PriceQuote;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Spec "Cancel a purchase" and "Post-cancellation details": cancels a whole order or chosen lines
 * (one order per request), once the consequences are acknowledged
 * ({@link Acknowledgement}: the dialog's tick, or an API call itself). In one transaction the
 * lines are cancelled, their keys and download links revoked, the credits recorded for the next
 * monthly invoice, and the activity logged. Visible at once.
 */
public interface CancelOrder {

    CancelResult cancel(CancelCommand command, Actor actor);

    /**
     * {@code lineItemNumbers} empty: every active line of the order. {@code acknowledgement}: how the request came
     * and what it said; whether that is enough is {@link Acknowledgement#given()}'s rule.
     */
    record CancelCommand(CustomerRef customer, String orderId, Acknowledgement acknowledgement, List<Integer> lineItemNumbers) {
        public CancelCommand {
            Objects.requireNonNull(acknowledgement, "acknowledgement");
            lineItemNumbers = lineItemNumbers == null ? List.of() : List.copyOf(lineItemNumbers);
        }
    }

    sealed interface CancelResult {
    }

    record Cancelled(OrderView order, PriceQuote credited) implements CancelResult {
    }

    /** No such customer, or not visible to the actor (another tenant's). */
    record CustomerNotFound() implements CancelResult {
    }

    /** No such order of the customer. */
    record OrderNotFound() implements CancelResult {
    }

    /** The table does not let the actor cancel purchases; nothing was looked at or changed. */
    record NotPermitted(Permission permission) implements CancelResult {
    }

    /** The consequences were not acknowledged: the dialog's box not ticked, or an API caller said {@code false}. */
    record NotAcknowledged() implements CancelResult {
    }

    /** A named line does not exist on the order. */
    record UnknownLine(int lineItemNumber) implements CancelResult {
    }

    /**
     * Refused by the cancellation policy: {@code reason} is {@code cancellation_window_passed},
     * {@code not_cancellable}, {@code already_cancelled} or {@code support_request_required};
     * nothing was changed.
     */
    record Refused(String reason, Optional<Integer> lineItemNumber, boolean supportRequestRequired) implements CancelResult {
    }
}
