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
 * The instance's delivery threads (issue #15): each sends what is due until nothing is. While nothing is
 * due, only the first (the lookout) looks again, every poll interval; the others wait until some thread
 * finds work and wakes them. An idle instance so asks the database once a poll interval, not once per
 * thread (8 threads at 500 ms were 16 claim transactions a second on an instance with nothing to send),
 * and a burst still gets every thread within one poll interval. Once work was found, the lookout looks again
 * after a poll interval shared among the threads (62 ms for 8 at 500 ms: how often the 8 threads used to look
 * between them), doubling its pause while it finds nothing: events that trickle in wait as little as before,
 * and a quiet instance is back to one look a poll interval within a second. Every instance runs them; the store's
 * claims keep two from sending one delivery. A failure of the store (the database down) pauses a thread,
 * it does not end it. {@code cspdesk.webhooks.delivery.enabled=false} leaves delivery to other instances.
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
    private final Object wakeUps = new Object();
    /** How many times a thread found work; a waiting thread wakes when it moves. Guarded by {@link #wakeUps}. */
    private long workFound;

    WebhookDispatch(DeliverWebhooks deliver, @Value("${cspdesk.webhooks.delivery.threads:8}") int threads,
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
        executor.execute(() -> deliverUntilStopped(true));
        for (int i = 1; i < threads; i++) {
            executor.execute(() -> deliverUntilStopped(false));
        }
        LOG.info("Webhook delivery: {} threads, looking for due deliveries every {} ms", threads, pollInterval.toMillis());
    }

    /**
     * The lookout's pause before its next look: short (the poll interval shared among the threads) when any thread
     * found work since its last look, else twice the last one, never longer than the poll interval.
     */
    static Duration nextPause(Duration last, boolean workFoundSinceLastLook, Duration pollInterval, int threads) {
        Duration shared = pollInterval.dividedBy(Math.max(1, threads));
        if (workFoundSinceLastLook) {
            return shared;
        }
        Duration doubled = last.multipliedBy(2);
        return doubled.compareTo(pollInterval) > 0 ? pollInterval : doubled.compareTo(shared) < 0 ? shared : doubled;
    }

    /** The lookout looks first; a helper waits to be woken, so an idle start asks the database once. */
    private void deliverUntilStopped(boolean lookout) {
        boolean look = lookout;
        Duration pause = pollInterval;
        long seenByLookout = 0;
        while (running) {
            try {
                long seen = workFoundSoFar();
                if (look && deliver.deliverDue(BATCH) > 0) {
                    wakeTheOthers();
                } else if (lookout) {
                    pause = nextPause(pause, seen != seenByLookout, pollInterval, threads);
                    seenByLookout = seen;
                    sleep(pause);
                } else {
                    look = awaitWorkFoundAfter(seen);
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

    private long workFoundSoFar() {
        synchronized (wakeUps) {
            return workFound;
        }
    }

    private void wakeTheOthers() {
        synchronized (wakeUps) {
            workFound++;
            wakeUps.notifyAll();
        }
    }

    /**
     * Waits until a thread finds work after {@code seen} (at once when one already has: a wake-up while this
     * thread was still looking is not lost). Whether to look: false once stopped.
     */
    private boolean awaitWorkFoundAfter(long seen) {
        synchronized (wakeUps) {
            try {
                while (running && workFound == seen) {
                    wakeUps.wait();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                running = false;
            }
            return running;
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
