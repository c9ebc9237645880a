package com.cspdesk.application.ordering.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;
import com.cspdesk.domain.reservation.ProvisioningFault;

import java.util.List;
import java.util.Objects;

/**
 * Issue #16 "Reservations provisioned": where an Azure reservation line applies can change after purchase —
 * its scope ({@code shared}, or {@code single} with a resource group), and the customer's Azure subscription it is
 * attached to. The change is recorded in the activity log (and raises the order's update event); the line, its
 * price and its cancellation window stay as they were.
 */
public interface ChangeReservationScope {

    ChangeResult change(ChangeCommand command, Actor actor);

    /** {@code subscriptionId} null or blank: the line keeps its subscription. {@code resourceGroup} only for {@code single}. */
    record ChangeCommand(CustomerRef customer, String orderId, int lineItemNumber, String scope, String resourceGroup,
                         String subscriptionId) {
    }

    sealed interface ChangeResult {
    }

    /** The line now applies as asked; {@code changed} is false when it already did (nothing was recorded). */
    record Changed(OrderView order, boolean changed) implements ChangeResult {
    }

    /** The table does not let the actor manage subscriptions; nothing was looked at. */
    record NotPermitted(Permission permission) implements ChangeResult {
    }

    /** No such customer visible to the actor, no such order of it, or no such line on it. */
    record NotFound(String code) implements ChangeResult {
        public NotFound {
            Objects.requireNonNull(code, "code");
        }
    }

    /** The line is not an Azure reservation (it has no scope) or it is cancelled: a business refusal, with its code. */
    record Refused(String code) implements ChangeResult {
        public static final String NOT_A_RESERVATION = "not_a_reservation";
        public static final String RESERVATION_CANCELLED = "reservation_cancelled";

        public Refused {
            Objects.requireNonNull(code, "code");
        }
    }

    /** The new scope, resource group or subscription id is not valid (the same rules as when ordering). */
    record Invalid(ProvisioningFault fault, List<String> arguments) implements ChangeResult {
        public Invalid {
            Objects.requireNonNull(fault, "fault");
            arguments = List.copyOf(arguments);
        }
    }
}
