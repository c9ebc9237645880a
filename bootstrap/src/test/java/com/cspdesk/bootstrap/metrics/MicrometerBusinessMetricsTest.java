package com.cspdesk.bootstrap.metrics;

import com.cspdesk.application.metrics.port.out.BusinessMetrics.ConflictOutcome;
import com.cspdesk.application.metrics.port.out.BusinessMetrics.LockOut;
import com.cspdesk.application.metrics.port.out.BusinessMetrics.SignInFailure;
import com.cspdesk.application.metrics.port.out.BusinessMetrics.WebhookAttempt;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class MicrometerBusinessMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerBusinessMetrics metrics = new MicrometerBusinessMetrics(registry);

    @Test
    void everySeriesIsThereAtZeroBeforeAnythingHappened() {
        assertThat(registry.get("cspdesk.orders.placed").counter().count()).isZero();
        assertThat(registry.get("cspdesk.database.unreachable").counter().count()).isZero();
        assertThat(registry.get("cspdesk.database.unreachable.duration").timer().count()).isZero();
        assertThat(registry.get("cspdesk.downloads").counters()).hasSize(2);
        assertThat(registry.get("cspdesk.sign.in.failures").counters()).hasSize(SignInFailure.values().length);
        assertThat(registry.get("cspdesk.sign.in.lockouts").counters()).hasSize(LockOut.values().length);
        assertThat(registry.get("cspdesk.webhook.attempt.duration").timers()).hasSize(WebhookAttempt.values().length);
        assertThat(registry.get("cspdesk.database.retries").counters()).hasSize(ConflictOutcome.values().length)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
        assertThat(registry.get("cspdesk.invoice.run.duration").timers()).hasSize(3)
                .allSatisfy(timer -> assertThat(timer.count()).isZero());
        // Small fixed tag sets only: never a name, a customer or an id ("le": the webhook timer's buckets, as
        // the simple registry shows them).
        assertThat(registry.getMeters().stream().flatMap(meter -> meter.getId().getTags().stream())
                .map(io.micrometer.core.instrument.Tag::getKey).distinct())
                .containsOnly("kind", "reason", "scope", "outcome", "le");
    }

    @Test
    void eachCallCountsOnItsOwnSeries() {
        metrics.orderPlaced();
        metrics.orderCancelled(3);
        metrics.downloadSent(true, 100);
        metrics.downloadSent(false, 4096);
        metrics.signInFailed(SignInFailure.THROTTLED);
        metrics.signInLockedOut(LockOut.ADDRESS);
        metrics.webhookAttempted(WebhookAttempt.TIMED_OUT, Duration.ofSeconds(10));
        metrics.databaseConflict(ConflictOutcome.RETRIED);
        metrics.databaseConflict(ConflictOutcome.RETRIED);
        metrics.databaseConflict(ConflictOutcome.GAVE_UP);
        metrics.databaseUnreachable();
        metrics.databaseReachableAgain(Duration.ofMillis(1500));

        assertThat(registry.get("cspdesk.orders.placed").counter().count()).isEqualTo(1);
        assertThat(registry.get("cspdesk.order.cancellations").counter().count()).isEqualTo(1);
        assertThat(registry.get("cspdesk.order.lines.cancelled").counter().count()).isEqualTo(3);
        assertThat(registry.get("cspdesk.downloads").tag("kind", "range").counter().count()).isEqualTo(1);
        assertThat(registry.get("cspdesk.download.sent").tag("kind", "range").counter().count()).isEqualTo(100);
        assertThat(registry.get("cspdesk.download.sent").tag("kind", "whole").counter().count()).isEqualTo(4096);
        assertThat(registry.get("cspdesk.download.sent").counter().getId().getBaseUnit()).isEqualTo("bytes");
        assertThat(registry.get("cspdesk.sign.in.failures").tag("reason", "throttled").counter().count()).isEqualTo(1);
        assertThat(registry.get("cspdesk.sign.in.failures").tag("reason", "password").counter().count()).isZero();
        assertThat(registry.get("cspdesk.sign.in.lockouts").tag("scope", "address").counter().count()).isEqualTo(1);
        assertThat(registry.get("cspdesk.webhook.attempt.duration").tag("outcome", "timed_out").timer()
                .totalTime(TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(registry.get("cspdesk.database.retries").tag("outcome", "retried").counter().count()).isEqualTo(2);
        assertThat(registry.get("cspdesk.database.retries").tag("outcome", "gave_up").counter().count()).isEqualTo(1);
        assertThat(registry.get("cspdesk.database.unreachable").counter().count()).isEqualTo(1);
        assertThat(registry.get("cspdesk.database.unreachable.duration").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1500);
    }

    @Test
    void anInvoiceRunIsTimedUnderItsOutcomeAndIsActiveUntilItStops() {
        var timing = metrics.invoiceRunStarted();
        assertThat(registry.get("cspdesk.invoice.run.active").longTaskTimer().activeTasks()).isEqualTo(1);

        timing.stop("failed");

        assertThat(registry.get("cspdesk.invoice.run.active").longTaskTimer().activeTasks()).isZero();
        assertThat(registry.get("cspdesk.invoice.run.duration").tag("outcome", "failed").timer().count()).isEqualTo(1);
        assertThat(registry.get("cspdesk.invoice.run.duration").tag("outcome", "completed").timer().count()).isZero();
    }

    @Test
    void withMetricsSwitchedOffCountingStillWorksAndKeepsNothingHere() {
        MicrometerBusinessMetrics off = new MicrometerBusinessMetrics(null);

        assertThatCode(() -> {
            off.orderPlaced();
            off.downloadSent(true, 10);
            off.invoiceRunStarted().stop("completed");
        }).doesNotThrowAnyException();
        assertThat(registry.get("cspdesk.orders.placed").counter().count()).isZero();
    }
}
