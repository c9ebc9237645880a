package com.cspdesk.application.webhooks.port.out;

import com.cspdesk.application.webhooks.port.in.WebhookDeliveryView;
import com.cspdesk.domain.webhooks.DeliveryStatus;
import com.cspdesk.domain.webhooks.ResourceChange;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Each outboxed event's delivery to the registration, and the log of its attempts (issue #15 item 4).
 *
 * <p>{@link #attemptDue} is how several instances share the work without a lock of their own: the
 * store claims due deliveries in a transaction that keeps them claimed (a row lock taken with
 * {@code FOR UPDATE SKIP LOCKED}: another instance skips it, and the claim ends with the transaction,
 * whether the instance finishes or dies), lets the caller attempt it, and stores the attempt in the same
 * transaction. A delivery is due only when no earlier delivery of its ordering key to the same
 * registration is still pending, so a resource's events reach the receiver in the order they were
 * committed, whoever sends them.
 */
public interface WebhookDeliveries {

    /** Schedules an outboxed event's delivery, in the caller's transaction (the event's own). */
    void schedule(NewDelivery delivery);

    /**
     * Claims the oldest due deliveries of an enabled registration no other instance holds, up to
     * {@code max}, one after the other in one transaction: hands each to {@code attempt} while the claims
     * hold and stores what it returns. A batch ends at the first attempt that does not deliver, so a
     * failing receiver holds one claim at a time. Answers how many were attempted (0: none was due).
     */
    int attemptDue(Instant now, int max, Function<DueDelivery, AttemptMade> attempt);

    /** One delivery: {@link #attemptDue} with a batch of one; false when none was due. */
    default boolean attemptNextDue(Instant now, Function<DueDelivery, AttemptMade> attempt) {
        return attemptDue(now, 1, attempt) > 0;
    }

    /** The registration's log, newest first: up to {@code limit} deliveries older than {@code before} (a position). */
    List<Listed> page(String registrationId, Optional<DeliveryStatus> status, Optional<Long> before, int limit);

    /** How many deliveries the registration has (of that status). */
    long count(String registrationId, Optional<DeliveryStatus> status);

    /** One delivery of the registration, by its event's id, with every attempt. */
    Optional<WebhookDeliveryView> find(String registrationId, String eventId);

    /** The newest delivery of the registration's events of that ordering key (a test event is alone in its own). */
    Optional<WebhookDeliveryView> findByOrderingKey(String registrationId, String orderingKey);

    /** Makes a delivery pending again, due at {@code now}, with a fresh retry window; false when there is none. */
    boolean redeliver(String registrationId, String eventId, Instant now);

    /**
     * Forgets up to {@code limit} settled deliveries (delivered or failed) whose last attempt was before
     * {@code before}, with their attempts, and then up to {@code limit} events from before it that no
     * delivery refers to; how many of both. Pending deliveries and their events are kept.
     */
    int forgetSettledBefore(Instant before, int limit);

    record NewDelivery(String registrationId, String eventId, String orderingKey, long sequence, Instant dueAt) {
        public NewDelivery {
            Objects.requireNonNull(registrationId, "registrationId");
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderingKey, "orderingKey");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /**
     * A claimed delivery: the event, where it goes (the secret sealed), how many attempts it has had and
     * since when, and since when its registration has been failing (empty when its last attempt succeeded).
     */
    record DueDelivery(String registrationId, String url, String sealedSecret, String eventId, ResourceChange change,
                       int attempts, Optional<Instant> firstAttemptAt, Optional<Instant> registrationFailingSince) {

        @Override
        public String toString() {
            return "DueDelivery[registrationId=" + registrationId + ", eventId=" + eventId + ", attempts=" + attempts + "]";
        }
    }

    /**
     * An attempt to store: the delivery's new state and what happened, and what it means for the
     * registration: {@link RegistrationHealth#SUCCEEDING} clears its failing-since, {@code FAILING} sets
     * it when unset, {@code DISABLED} switches the registration off.
     */
    record AttemptMade(WebhookDeliveryView.Attempt attempt, DeliveryStatus status, Optional<Instant> nextAttemptAt,
                       RegistrationHealth health) {
        public AttemptMade {
            Objects.requireNonNull(attempt, "attempt");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
            Objects.requireNonNull(health, "health");
        }
    }

    enum RegistrationHealth { SUCCEEDING, FAILING, DISABLED }

    /** A delivery in a page of the log, with the position the next page starts before. */
    record Listed(long position, WebhookDeliveryView delivery) {
    }
}
