package com.cspdesk.application.webhooks;

import com.cspdesk.application.activity.AdminActs;
import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.shared.port.out.SecretSealing;
import com.cspdesk.application.webhooks.port.in.DeliverWebhooks;
import com.cspdesk.application.webhooks.port.in.WebhookDeliveryView;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries.AttemptMade;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries.DueDelivery;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries.RegistrationHealth;
import com.cspdesk.application.webhooks.port.out.WebhookRegistration;
import com.cspdesk.application.webhooks.port.out.WebhookSigning;
import com.cspdesk.application.webhooks.port.out.WebhookTransport;
import com.cspdesk.domain.activity.ActivityCatalogue.Operation;
import com.cspdesk.domain.activity.ActivityCatalogue.Resource;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.webhooks.DeliveryRetryPolicy;
import com.cspdesk.domain.webhooks.DeliveryStatus;
import com.cspdesk.domain.webhooks.ResourceChange;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Sends what is due (issue #15 item 4): each delivery claimed by the store for as long as its attempt
 * takes, signed per Standard Webhooks with the registration's secret under the event's own id (the
 * same {@code webhook-id} on every attempt, so a receiver can drop a repeat), posted, and its outcome
 * stored with the claim: delivered on a 2xx; otherwise retried on {@link DeliveryRetryPolicy}'s
 * schedule, or given up, and the registration switched off when it has failed for days.
 *
 * <p>Two clocks: the product's (the sandbox's, when it travels) decides what is due and when to retry;
 * {@code webhook-timestamp} is real time, as a receiver checks it against its own clock to refuse replays.
 */
public final class WebhookDelivering implements DeliverWebhooks {

    /**
     * Deliveries claimed and stored in one transaction while the receiver takes them: the transaction's own
     * statements (isolation, commit, looking for candidates) are shared by the batch, a third of the
     * statements per delivery on the benchmark.
     */
    static final int PER_TRANSACTION = 8;

    private final WebhookDeliveries deliveries;
    private final WebhookTransport transport;
    private final WebhookSigning signing;
    private final SecretSealing sealing;
    private final ActivityLog activityLog;
    private final Clock clock;
    private final Clock realClock;
    private final DoubleSupplier jitter;
    private final Supplier<URI> apiRoot;

    /**
     * @param apiRoot the product's public address, which the payload's relative resource addresses are
     *                made absolute against (Partner Center sends absolute ones); asked for when a payload
     *                is made, as a server's own port is known only once it listens
     * @param jitter  random numbers in [0, 1) for the retry delays' jitter
     */
    public WebhookDelivering(WebhookDeliveries deliveries, WebhookTransport transport, WebhookSigning signing,
                             SecretSealing sealing, ActivityLog activityLog, Clock clock, Clock realClock,
                             DoubleSupplier jitter, Supplier<URI> apiRoot) {
        this.deliveries = deliveries;
        this.transport = transport;
        this.signing = signing;
        this.sealing = sealing;
        this.activityLog = activityLog;
        this.clock = clock;
        this.realClock = realClock;
        this.jitter = jitter;
        this.apiRoot = apiRoot;
    }

    @Override
    public int deliverDue(int max) {
        int attempted = 0;
        while (attempted < max) {
            int batch = deliveries.attemptDue(now(), Math.min(PER_TRANSACTION, max - attempted), this::attempt);
            if (batch == 0) {
                break;
            }
            attempted += batch;
        }
        return attempted;
    }

    /** One attempt of a claimed delivery, and what it means. */
    private AttemptMade attempt(DueDelivery due) {
        String body = payload(due.change());
        long timestamp = realClock.instant().getEpochSecond();
        String secret = sealing.open(due.sealedSecret(), WebhookRegistration.sealingContext(due.registrationId()));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", due.eventId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signing.signature(secret, due.eventId(), timestamp, body));
        WebhookTransport.Outcome outcome = transport.post(URI.create(due.url()), headers, body);
        Instant at = now();
        int number = due.attempts() + 1;
        WebhookDeliveryView.Attempt attempt = attemptOf(number, at, outcome);
        if (outcome instanceof WebhookTransport.Answered answered && answered.delivered()) {
            return new AttemptMade(attempt, DeliveryStatus.DELIVERED, Optional.empty(), RegistrationHealth.SUCCEEDING);
        }
        Instant firstAttempt = due.firstAttemptAt().orElse(at);
        Optional<Instant> next = DeliveryRetryPolicy.nextAttempt(number, firstAttempt, at, jitter.getAsDouble());
        DeliveryStatus status = next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
        Instant failingSince = due.registrationFailingSince().orElse(at);
        if (DeliveryRetryPolicy.disables(failingSince, at)) {
            // In the claim's transaction: the registration is switched off with the attempt that did it.
            activityLog.append(AdminActs.entry(at, Operation.DISABLE_WEBHOOK.kind(), ActivityEntry.SUCCEEDED, AdminActs.SYSTEM,
                    Optional.empty(), Resource.WEBHOOK_REGISTRATION.kind(), due.registrationId(),
                    Map.of("failingSince", failingSince.toString())));
            return new AttemptMade(attempt, status, next, RegistrationHealth.DISABLED);
        }
        return new AttemptMade(attempt, status, next, RegistrationHealth.FAILING);
    }

    private static WebhookDeliveryView.Attempt attemptOf(int number, Instant at, WebhookTransport.Outcome outcome) {
        long latency = outcome.latency().toMillis();
        if (outcome instanceof WebhookTransport.Answered answered) {
            return new WebhookDeliveryView.Attempt(number, at, Optional.of(answered.status()), latency, Optional.empty(),
                    Optional.empty());
        }
        WebhookTransport.Failed failed = (WebhookTransport.Failed) outcome;
        return new WebhookDeliveryView.Attempt(number, at, Optional.empty(), latency, Optional.of(failed.failure().name()),
                Optional.of(failed.detail()).filter(d -> !d.isEmpty()));
    }

    /** Partner Center's payload: a pointer to the change, the addresses absolute. */
    String payload(ResourceChange change) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "EventName", change.event().wireName()).append(',');
        field(json, "ResourceUri", absolute(change.resourceUri())).append(',');
        field(json, "ResourceName", change.resourceName()).append(',');
        field(json, "AuditUri", change.auditUri() == null ? null : absolute(change.auditUri())).append(',');
        field(json, "ResourceChangeUtcDate", change.changeUtcDate());
        return json.append('}').toString();
    }

    private String absolute(String relative) {
        // Without the root's trailing slash: the resource addresses start with one.
        String root = apiRoot.get().toString();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + relative;
    }

    private static StringBuilder field(StringBuilder json, String name, String value) {
        json.append('"').append(name).append("\":");
        if (value == null) {
            return json.append("null");
        }
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"');
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
