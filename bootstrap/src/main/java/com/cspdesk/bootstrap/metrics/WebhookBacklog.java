package com.cspdesk.bootstrap.metrics;

import com.cspdesk.application.webhooks.port.out.WebhookDeliveries;
import com.cspdesk.application.webhooks.port.out.WebhookRegistrations;
import com.cspdesk.domain.webhooks.DeliveryStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The webhook backlog: deliveries of the partner's registration still pending (due now or waiting for a
 * retry), read when Prometheus scrapes (one index range count, {@code ix_webhook_delivery_log}). Zero
 * without a registration. Micronaut binds every {@link MeterBinder} bean to the registry; the ports are
 * asked for only at the first scrape, not when the registry is made.
 */
@Singleton
class WebhookBacklog implements MeterBinder {

    private final BeanProvider<WebhookRegistrations> registrations;
    private final BeanProvider<WebhookDeliveries> deliveries;

    WebhookBacklog(BeanProvider<WebhookRegistrations> registrations, BeanProvider<WebhookDeliveries> deliveries) {
        this.registrations = registrations;
        this.deliveries = deliveries;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(MicrometerBusinessMetrics.PREFIX + "webhook.deliveries.pending", this, WebhookBacklog::pending)
                .description("Webhook deliveries not yet delivered or given up (due now or waiting for a retry)")
                .register(registry);
    }

    private double pending() {
        return registrations.get().find()
                .map(registration -> deliveries.get().count(registration.id(), Optional.of(DeliveryStatus.PENDING)))
                .orElse(0L);
    }
}
