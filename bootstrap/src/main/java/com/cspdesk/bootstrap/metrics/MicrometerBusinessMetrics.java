package com.cspdesk.bootstrap.metrics;

import com.cspdesk.application.metrics.port.out.BusinessMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The business counters in Micrometer, scraped at {@code /prometheus} under the {@code cspdesk_} prefix.
 * Every series is registered at start with zero (a {@code rate()} over a series that does not exist yet
 * is no series at all, and an alert on it never fires); the tags are fixed small sets, never a name, a
 * customer or an id. Made with the context ({@link Context}) so the series are there before the first act.
 * Without a meter registry (metrics switched off) it counts into an empty composite, which keeps nothing.
 */
@Context
class MicrometerBusinessMetrics implements BusinessMetrics {

    static final String PREFIX = "cspdesk.";
    /** An invoice run's outcomes, as the run records its status. */
    static final String[] INVOICE_RUN_OUTCOMES = {"completed", "skipped", "failed"};

    private final MeterRegistry registry;
    private final Counter ordersPlaced;
    private final Counter orderCancellations;
    private final Counter orderLinesCancelled;
    private final Counter creditNotesIssued;
    private final Counter productKeysFetched;
    private final Map<Boolean, Counter> downloads;
    private final Map<Boolean, Counter> downloadedBytes;
    private final Map<SignInFailure, Counter> signInFailures;
    private final Map<LockOut, Counter> lockOuts;
    private final Map<WebhookAttempt, Timer> webhookAttempts;
    private final LongTaskTimer invoiceRunsActive;
    private final Map<ConflictOutcome, Counter> databaseConflicts;
    private final Counter databaseUnreachable;
    private final Timer databaseDowntime;

    MicrometerBusinessMetrics(@Nullable MeterRegistry registry) {
        this.registry = registry == null ? new CompositeMeterRegistry() : registry;
        ordersPlaced = counter("orders.placed", "Orders placed (committed)");
        orderCancellations = counter("order.cancellations", "Cancellations of an order or some of its lines");
        orderLinesCancelled = counter("order.lines.cancelled", "Order lines cancelled");
        creditNotesIssued = counter("credit.notes.issued", "Credit notes issued (cancellations, refunds, goodwill)");
        productKeysFetched = counter("product.keys.fetched", "Product keys handed out");
        downloads = Map.of(false, downloadCounter("downloads", null, "whole"), true, downloadCounter("downloads", null, "range"));
        downloadedBytes = Map.of(false, downloadCounter("download.sent", "bytes", "whole"),
                true, downloadCounter("download.sent", "bytes", "range"));
        signInFailures = byEnum(SignInFailure.class, reason -> Counter.builder(PREFIX + "sign.in.failures")
                .description("Failed sign-ins by what was wrong").tag("reason", tag(reason)).register(this.registry));
        lockOuts = byEnum(LockOut.class, scope -> Counter.builder(PREFIX + "sign.in.lockouts")
                .description("Failed sign-ins that started a back-off, by what it holds back").tag("scope", tag(scope))
                .register(this.registry));
        webhookAttempts = byEnum(WebhookAttempt.class, outcome -> Timer.builder(PREFIX + "webhook.attempt.duration")
                .description("Webhook delivery attempts by outcome, and how long each took")
                .tag("outcome", tag(outcome))
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10))
                .register(this.registry));
        Arrays.stream(INVOICE_RUN_OUTCOMES).forEach(this::invoiceRunTimer);
        invoiceRunsActive = LongTaskTimer.builder(PREFIX + "invoice.run.active")
                .description("Invoice runs in progress on this instance, and for how long").register(this.registry);
        // cspdesk_database_retries_total{outcome}: write conflicts between database nodes (Galera)
        databaseConflicts = byEnum(ConflictOutcome.class, outcome -> Counter.builder(PREFIX + "database.retries")
                .description("Units of work that lost a write conflict: run again (retried) or out of tries (gave_up)")
                .tag("outcome", tag(outcome)).register(this.registry));
        databaseUnreachable = counter("database.unreachable", "Times the database was found unreachable (requests then refused at once)");
        databaseDowntime = Timer.builder(PREFIX + "database.unreachable.duration")
                .description("How long each spell of an unreachable database lasted, counted when it answered again")
                .register(this.registry);
    }

    @Override
    public void orderPlaced() {
        ordersPlaced.increment();
    }

    @Override
    public void orderCancelled(int lines) {
        orderCancellations.increment();
        orderLinesCancelled.increment(lines);
    }

    @Override
    public void creditNoteIssued() {
        creditNotesIssued.increment();
    }

    @Override
    public void productKeyFetched() {
        productKeysFetched.increment();
    }

    @Override
    public void downloadSent(boolean range, long bytes) {
        downloads.get(range).increment();
        downloadedBytes.get(range).increment(bytes);
    }

    @Override
    public void signInFailed(SignInFailure reason) {
        signInFailures.get(reason).increment();
    }

    @Override
    public void signInLockedOut(LockOut scope) {
        lockOuts.get(scope).increment();
    }

    @Override
    public Stopwatch invoiceRunStarted() {
        Timer.Sample sample = Timer.start(registry);
        LongTaskTimer.Sample active = invoiceRunsActive.start();
        return outcome -> {
            active.stop();
            sample.stop(invoiceRunTimer(outcome));
        };
    }

    @Override
    public void webhookAttempted(WebhookAttempt outcome, Duration latency) {
        webhookAttempts.get(outcome).record(latency.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void databaseConflict(ConflictOutcome outcome) {
        databaseConflicts.get(outcome).increment();
    }

    @Override
    public void databaseUnreachable() {
        databaseUnreachable.increment();
    }

    @Override
    public void databaseReachableAgain(Duration down) {
        databaseDowntime.record(down);
    }

    private Timer invoiceRunTimer(String outcome) {
        return Timer.builder(PREFIX + "invoice.run.duration").description("Invoice runs by outcome, and how long each took")
                .tag("outcome", outcome).register(registry);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(PREFIX + name).description(description).register(registry);
    }

    private Counter downloadCounter(String name, @Nullable String unit, String kind) {
        return Counter.builder(PREFIX + name).baseUnit(unit)
                .description(unit == null ? "Requests that sent a file through a download link: whole, or a range"
                        : "Bytes sent through download links: whole files, or ranges")
                .tag("kind", kind).register(registry);
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>, M> Map<E, M> byEnum(Class<E> type, Function<E, M> meter) {
        return Arrays.stream(type.getEnumConstants()).collect(Collectors.toMap(e -> e, meter, (a, b) -> a,
                () -> new EnumMap<>(type)));
    }
}
