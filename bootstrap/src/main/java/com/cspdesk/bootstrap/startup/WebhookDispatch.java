package com.cspdesk.bootstrap.startup;

import com.cspdesk.application.webhooks.port.in.DeliverWebhooks;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The instance's delivery threads (issue #15): each sends what is due until nothing is, then looks
 * again after the poll interval. Every instance runs them; the store's claims keep two from sending one
 * delivery. A failure of the store (the database down) pauses a thread, it does not end it.
 * {@code cspdesk.webhooks.delivery.enabled=false} leaves delivery to other instances.
 */
@Singleton
@Requires(property = "cspdesk.webhooks.delivery.enabled", notEquals = "false")
class WebhookDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatch.class);
    private static final int BATCH = 100;
    private static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(5);

    private final DeliverWebhooks deliver;
    private final int threads;
    private final Duration pollInterval;
    private final ExecutorService executor;
    private volatile boolean running = true;

    WebhookDispatch(DeliverWebhooks deliver, @Value("${cspdesk.webhooks.delivery.threads:4}") int threads,
                    @Value("${cspdesk.webhooks.delivery.poll-interval:500ms}") Duration pollInterval) {
        this.deliver = deliver;
        this.threads = Math.max(1, threads);
        this.pollInterval = pollInterval;
        AtomicInteger number = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(this.threads, work -> {
            Thread thread = new Thread(work, "webhook-delivery-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @EventListener
    void start(StartupEvent started) {
        for (int i = 0; i < threads; i++) {
            executor.execute(this::deliverUntilStopped);
        }
        LOG.info("Webhook delivery: {} threads, looking for due deliveries every {} ms", threads, pollInterval.toMillis());
    }

    private void deliverUntilStopped() {
        while (running) {
            try {
                if (deliver.deliverDue(BATCH) == 0) {
                    sleep(pollInterval);
                }
            } catch (RuntimeException failed) {
                if (!running) {
                    return;
                }
                // The class only: a message may quote a statement's values.
                LOG.warn("Webhook delivery paused for {} s: {}", PAUSE_AFTER_FAILURE.toSeconds(), failed.getClass().getName());
                sleep(PAUSE_AFTER_FAILURE);
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        executor.shutdownNow();
        // An attempt under way ends within its own bound; its claim ends with its transaction either way.
        if (!executor.awaitTermination(20, TimeUnit.SECONDS)) {
            LOG.warn("Webhook delivery threads still running at shutdown");
        }
    }
}
