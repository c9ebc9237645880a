package com.cspdesk.application.metrics;

import com.cspdesk.application.metrics.port.out.BusinessMetrics;
import com.cspdesk.application.metrics.port.out.BusinessMetrics.WebhookAttempt;
import com.cspdesk.application.webhooks.port.out.WebhookTransport;
import com.cspdesk.application.webhooks.port.out.WebhookTransport.Answered;
import com.cspdesk.application.webhooks.port.out.WebhookTransport.Failed;
import com.cspdesk.application.webhooks.port.out.WebhookTransport.Failure;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class CountedWebhookTransportTest {

    private static final URI URL = URI.create("https://receiver.example/hook");

    private final WebhookTransport transport = mock(WebhookTransport.class);
    private final BusinessMetrics metrics = mock(BusinessMetrics.class);
    private final CountedWebhookTransport counted = new CountedWebhookTransport(transport, metrics);

    @Test
    void eachAttemptIsCountedByHowItEndedWithTheTransportsLatencyAndItsOutcomePassedOnAsItIs() {
        Answered delivered = new Answered(204, Duration.ofMillis(12));
        Answered refused = new Answered(500, Duration.ofMillis(30));
        Failed timedOut = new Failed(Failure.TIMED_OUT, "read timed out", Duration.ofSeconds(10));
        Failed unreachable = new Failed(Failure.CONNECTION_FAILED, "refused", Duration.ofMillis(3));
        when(transport.post(URL, Map.of(), "{}")).thenReturn(delivered, refused, timedOut, unreachable);

        assertThat(counted.post(URL, Map.of(), "{}")).isSameAs(delivered);
        assertThat(counted.post(URL, Map.of(), "{}")).isSameAs(refused);
        assertThat(counted.post(URL, Map.of(), "{}")).isSameAs(timedOut);
        assertThat(counted.post(URL, Map.of(), "{}")).isSameAs(unreachable);

        verify(metrics).webhookAttempted(WebhookAttempt.DELIVERED, Duration.ofMillis(12));
        verify(metrics).webhookAttempted(WebhookAttempt.FAILED, Duration.ofMillis(30));
        verify(metrics).webhookAttempted(WebhookAttempt.TIMED_OUT, Duration.ofSeconds(10));
        verify(metrics).webhookAttempted(WebhookAttempt.FAILED, Duration.ofMillis(3));
    }
}
