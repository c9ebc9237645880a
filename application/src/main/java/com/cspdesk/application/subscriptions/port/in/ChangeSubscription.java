package com.cspdesk.application.subscriptions.port.in;

import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.customer.CustomerRef;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Partner Center's PATCH of a subscription: switch auto-renew ({@code MANAGE_SUBSCRIPTIONS}), or cancel
 * ({@code CANCEL_PURCHASE}): in the first term that is cancelling its order line (the order cancellation,
 * its window and credit); in a renewed term it cancels the renewal within its window, credits the
 * prorated remainder on the next invoice and ends the subscription (keys and links revoked).
 */
public interface ChangeSubscription {

    ChangeResult change(ChangeCommand command, Actor actor);

    record ChangeCommand(CustomerRef customer, String subscriptionId, Change change) {
        public ChangeCommand {
            Objects.requireNonNull(change, "change");
        }
    }

    sealed interface Change {
    }

    record SwitchAutoRenew(boolean on) implements Change {
    }

    record Cancel() implements Change {
    }

    sealed interface ChangeResult {
    }

    record Changed(SubscriptionView subscription) implements ChangeResult {
    }

    record NotPermitted(Permission permission) implements ChangeResult {
    }

    /** The customer or the subscription is missing or not the actor's to see: {@code code} says which. */
    record NotFound(String code) implements ChangeResult {
    }

    /**
     * Refused with a stable code: {@code subscription_expired}, {@code subscription_cancelled},
     * {@code renewal_cancellation_window_passed}, or the order cancellation's own
     * ({@code cancellation_window_passed} …) for a first term; nothing changed.
     */
    record Refused(String code, Optional<Instant> windowEndsAt) implements ChangeResult {
    }
}
