package com.cspdesk.application.metrics;

import com.cspdesk.application.metrics.port.out.BusinessMetrics;
import com.cspdesk.application.metrics.port.out.BusinessMetrics.WebhookAttempt;
import com.cspdesk.application.webhooks.port.out.WebhookTransport;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Every webhook delivery attempt counted by how it ended, with the transport's latency: the transport,
 * decorated. An attempt is counted when it was made, not when its outcome was stored: the receiver saw
 * it either way (a delivery whose bookkeeping rolled back is attempted again, and counted again).
 */
public final class CountedWebhookTransport implements WebhookTransport {

    private final WebhookTransport transport;
    private final BusinessMetrics metrics;

    public CountedWebhookTransport(WebhookTransport transport, BusinessMetrics metrics) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public Outcome post(URI url, Map<String, String> headers, String body) {
        Outcome outcome = transport.post(url, headers, body);
        metrics.webhookAttempted(attempt(outcome), outcome.latency());
        return outcome;
    }

    static WebhookAttempt attempt(Outcome outcome) {
        if (outcome instanceof Answered answered) {
            return answered.delivered() ? WebhookAttempt.DELIVERED : WebhookAttempt.FAILED;
        }
        return ((Failed) outcome).failure() == Failure.TIMED_OUT ? WebhookAttempt.TIMED_OUT : WebhookAttempt.FAILED;
    }
}
