package com.cspdesk.application.webhooks;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.webhooks.port.out.EventOutbox;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries;
import com.cspdesk.application.webhooks.port.out.WebhookRegistrations;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.webhooks.ResourceChange;
import com.cspdesk.domain.webhooks.ResourceChanges;
import com.cspdesk.domain.webhooks.WebhookSubscriptionPolicy;

import java.util.Objects;
import java.util.UUID;

/**
 * The one place a change becomes a webhook event: the activity log, decorated. Every change an event
 * is about already appends its activity record inside its transaction, so appending the event beside
 * the record puts it in the same unit of work, without a second call in every use case to forget
 * (issue #15 item 4). Which record raises which event is {@link ResourceChanges}' table.
 *
 * <p>The record is appended first, then the event, both in one transaction (the caller's, or one of
 * their own): on JDBC the record takes its chain's lock before the event takes its resource's, always
 * in that order. The delivery is scheduled due at the change's instant, for the registration of the moment
 * (none while it is switched off).
 */
public final class OutboxedActivityLog implements ActivityLog {

    private final ActivityLog records;
    private final EventOutbox outbox;
    private final WebhookRegistrations registrations;
    private final WebhookDeliveries deliveries;
    private final Transactions transactions;

    public OutboxedActivityLog(ActivityLog records, EventOutbox outbox, WebhookRegistrations registrations,
                               WebhookDeliveries deliveries, Transactions transactions) {
        this.records = Objects.requireNonNull(records, "records");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.registrations = Objects.requireNonNull(registrations, "registrations");
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void append(ActivityEntry entry) {
        transactions.inTransaction(() -> {
            records.append(entry);
            ResourceChanges.of(entry).ifPresent(this::outbox);
            return null;
        });
    }

    /**
     * The event and its delivery, when the registration of the moment is on and receives it: both in the
     * change's transaction, so what commits is sent and nothing else is. An event nobody receives is not
     * stored: events exist only to be delivered (a registration made later gets the changes after it, as in
     * Partner Center), and the four statements of an outboxed event were a quarter of an order's.
     */
    private void outbox(ResourceChange change) {
        registrations.find()
                .filter(registration -> registration.health().enabled())
                .filter(registration -> WebhookSubscriptionPolicy.receives(registration.events(), change.event()))
                .ifPresent(registration -> {
                    String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
                    long sequence = outbox.append(new EventOutbox.NewEvent(id, change));
                    deliveries.schedule(new WebhookDeliveries.NewDelivery(registration.id(), id,
                            change.orderingKey(), sequence, change.changedAt()));
                });
    }
}
