package com.cspdesk.bootstrap.wiring;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.metrics.CountedActivityLog;
import com.cspdesk.application.metrics.port.out.BusinessMetrics;
import com.cspdesk.application.shared.port.out.Transactions;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * The activity log, whichever store keeps it, decorated so that every committed record a business counter
 * is about counts (issue #18): orders, cancellations, credits, keys, downloads, failed sign-ins. Beside
 * {@link WebhookOutbox}'s decoration; either may wrap the other, as both count or outbox inside the
 * record's own unit of work.
 */
@Singleton
class BusinessCounting implements BeanCreatedEventListener<ActivityLog> {

    // Providers: a listener is made before the beans it needs may be.
    private final BeanProvider<BusinessMetrics> metrics;
    private final BeanProvider<Transactions> transactions;

    BusinessCounting(BeanProvider<BusinessMetrics> metrics, BeanProvider<Transactions> transactions) {
        this.metrics = metrics;
        this.transactions = transactions;
    }

    @Override
    public ActivityLog onCreated(BeanCreatedEvent<ActivityLog> event) {
        return new CountedActivityLog(event.getBean(), metrics.get(), transactions.get());
    }
}
