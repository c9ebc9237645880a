package com.cspdesk.bootstrap.wiring;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.shared.port.out.Transactions;
import com.cspdesk.application.webhooks.OutboxedActivityLog;
import com.cspdesk.application.webhooks.port.out.EventOutbox;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries;
import com.cspdesk.application.webhooks.port.out.WebhookRegistrations;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * The activity log, whichever store keeps it, decorated so that an act that raises a webhook event
 * appends it to the outbox in the record's own unit of work (issue #15): every use case that records
 * an act gets its event without a call of its own.
 */
@Singleton
class WebhookOutbox implements BeanCreatedEventListener<ActivityLog> {

    // Providers: a listener is made before the beans it needs may be.
    private final BeanProvider<EventOutbox> outbox;
    private final BeanProvider<WebhookRegistrations> registrations;
    private final BeanProvider<WebhookDeliveries> deliveries;
    private final BeanProvider<Transactions> transactions;

    WebhookOutbox(BeanProvider<EventOutbox> outbox, BeanProvider<WebhookRegistrations> registrations,
                  BeanProvider<WebhookDeliveries> deliveries, BeanProvider<Transactions> transactions) {
        this.outbox = outbox;
        this.registrations = registrations;
        this.deliveries = deliveries;
        this.transactions = transactions;
    }

    @Override
    public ActivityLog onCreated(BeanCreatedEvent<ActivityLog> event) {
        return new OutboxedActivityLog(event.getBean(), outbox.get(), registrations.get(), deliveries.get(), transactions.get());
    }
}
