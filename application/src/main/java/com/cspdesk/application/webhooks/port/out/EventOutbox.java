package com.cspdesk.application.webhooks.port.out;

import com.cspdesk.domain.webhooks.ResourceChange;

import java.util.List;
import java.util.Objects;

/**
 * The transactional outbox of webhook events (issue #15 item 4). {@link #append} joins the caller's
 * transaction, so an event commits with the change it is about and a change that rolls back leaves
 * none. Each event gets the next sequence of its {@link ResourceChange#orderingKey() ordering key},
 * handed out in commit order (an append waits for an uncommitted one of the same key), so a delivery
 * can keep each resource's events in the order they were committed. Whom an event goes to, and how far
 * that went, is {@link WebhookDeliveries}'.
 */
public interface EventOutbox {

    /** Appends in the caller's transaction (or one of its own): the event's sequence in its ordering key. */
    long append(NewEvent event);

    /** The committed events of an ordering key, in the order they were committed (ascending sequence). */
    List<StoredEvent> ofOrderingKey(String orderingKey);

    /** An event to append: {@code id} is its {@code webhook-id} on every attempt. */
    record NewEvent(String id, ResourceChange change) {
        public NewEvent {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(change, "change");
        }
    }

    /** A stored event, with its place in its ordering key's sequence (from 1). */
    record StoredEvent(String id, ResourceChange change, long sequence) {
    }
}
