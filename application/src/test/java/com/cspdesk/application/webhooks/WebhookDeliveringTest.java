package com.cspdesk.application.webhooks;

import com.cspdesk.application.activity.port.out.ActivityLog;
import com.cspdesk.application.shared.port.out.SecretSealing;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries.AttemptMade;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries.DueDelivery;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries.RegistrationHealth;
import com.cspdesk.application.webhooks.port.out.WebhookSigning;
import com.cspdesk.application.webhooks.port.out.WebhookTransport;
import com.cspdesk.domain.activity.ActivityEntry;
import com.cspdesk.domain.webhooks.DeliveryStatus;
import com.cspdesk.domain.webhooks.ResourceChange;
import com.cspdesk.domain.webhooks.WebhookEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class WebhookDeliveringTest {

    /** The product's clock (the sandbox's, an hour ahead) and real time differ on purpose. */
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final Instant REAL = Instant.parse("2026-12-03T11:00:00Z");
    private static final String ORDER = "/v1/customers/t-1/orders/o-1";

    private final WebhookDeliveries deliveries = mock(WebhookDeliveries.class);
    private final WebhookTransport transport = mock(WebhookTransport.class);
    private final WebhookSigning signing = mock(WebhookSigning.class);
    private final SecretSealing sealing = mock(SecretSealing.class);
    private final ActivityLog activityLog = mock(ActivityLog.class);
    private final List<AttemptMade> made = new ArrayList<>();
    private final WebhookDelivering delivering = new WebhookDelivering(deliveries, transport, signing, sealing, activityLog,
            Clock.fixed(NOW, ZoneOffset.UTC), Clock.fixed(REAL, ZoneOffset.UTC), () -> 0.5, () -> URI.create("https://desk.example.com/"));

    @BeforeEach
    void secretsOpen() {
        when(sealing.open("sealed", "webhook_registration:reg-1")).thenReturn("whsec_secret");
        when(signing.signature(eq("whsec_secret"), anyString(), eq(REAL.getEpochSecond()), anyString())).thenReturn("v1,c2ln");
    }

    @Test
    void aDueDeliveryIsPostedSignedUnderItsEventsIdAndRealTimeWithThePartnerCenterPayload() {
        due(new DueDelivery("reg-1", "https://hooks.example.com/in", "sealed", "msg_1", change(), 0, Optional.empty(),
                Optional.empty()));
        answer(new WebhookTransport.Answered(204, Duration.ofMillis(42)));

        assertThat(delivering.deliverDue(10)).isEqualTo(1);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, String>> headers = ArgumentCaptor.forClass(Map.class);
        ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
        verify(transport).post(eq(URI.create("https://hooks.example.com/in")), headers.capture(), body.capture());
        assertThat(headers.getValue()).containsExactly(Map.entry("webhook-id", "msg_1"),
                Map.entry("webhook-timestamp", Long.toString(REAL.getEpochSecond())), Map.entry("webhook-signature", "v1,c2ln"));
        verify(signing).signature("whsec_secret", "msg_1", REAL.getEpochSecond(), body.getValue());
        assertThat(body.getValue()).isEqualTo("{\"EventName\":\"order-created\","
                + "\"ResourceUri\":\"https://desk.example.com/v1/customers/t-1/orders/o-1\",\"ResourceName\":\"Order\","
                + "\"AuditUri\":\"https://desk.example.com/v1/auditrecords?startDate=x\","
                + "\"ResourceChangeUtcDate\":\"2026-12-03T11:59:00Z\"}");
        assertThat(made).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(m.nextAttemptAt()).isEmpty();
            assertThat(m.health()).isEqualTo(RegistrationHealth.SUCCEEDING);
            assertThat(m.attempt().number()).isEqualTo(1);
            assertThat(m.attempt().at()).isEqualTo(NOW);
            assertThat(m.attempt().responseCode()).contains(204);
            assertThat(m.attempt().latencyMillis()).isEqualTo(42);
        });
    }

    @Test
    void anAnswerOutside2xxIsRetriedOnThePolicysScheduleFromTheProductsClock() {
        due(new DueDelivery("reg-1", "https://hooks.example.com/in", "sealed", "msg_1", change(), 2,
                Optional.of(NOW.minusSeconds(30)), Optional.of(NOW.minusSeconds(30))));
        answer(new WebhookTransport.Answered(302, Duration.ofMillis(3)));

        delivering.deliverDue(1);

        assertThat(made).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(m.attempt().number()).isEqualTo(3);
            assertThat(m.nextAttemptAt()).contains(NOW.plusSeconds(20));
            assertThat(m.health()).isEqualTo(RegistrationHealth.FAILING);
        });
    }

    @Test
    void noAnswerIsLoggedWithWhyAndADeliveryPastItsDayIsGivenUp() {
        due(new DueDelivery("reg-1", "https://hooks.example.com/in", "sealed", "msg_1", change(), 30,
                Optional.of(NOW.minus(Duration.ofHours(24))), Optional.of(NOW.minus(Duration.ofHours(24)))));
        answer(new WebhookTransport.Failed(WebhookTransport.Failure.TIMED_OUT, "SocketTimeoutException: Read timed out",
                Duration.ofSeconds(10)));

        delivering.deliverDue(1);

        assertThat(made).singleElement().satisfies(m -> {
            assertThat(m.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(m.nextAttemptAt()).isEmpty();
            assertThat(m.attempt().responseCode()).isEmpty();
            assertThat(m.attempt().failure()).contains("TIMED_OUT");
            assertThat(m.attempt().detail()).contains("SocketTimeoutException: Read timed out");
            assertThat(m.health()).isEqualTo(RegistrationHealth.FAILING);
        });
        verify(activityLog, never()).append(any());
    }

    @Test
    void aRegistrationFailingForFiveDaysIsSwitchedOffAndItIsOnTheActivityLog() {
        due(new DueDelivery("reg-1", "https://hooks.example.com/in", "sealed", "msg_1", change(), 1,
                Optional.of(NOW.minusSeconds(5)), Optional.of(NOW.minus(Duration.ofDays(5)))));
        answer(new WebhookTransport.Answered(500, Duration.ofMillis(3)));

        delivering.deliverDue(1);

        assertThat(made).singleElement().satisfies(m -> assertThat(m.health()).isEqualTo(RegistrationHealth.DISABLED));
        ArgumentCaptor<ActivityEntry> record = ArgumentCaptor.forClass(ActivityEntry.class);
        verify(activityLog).append(record.capture());
        assertThat(record.getValue().operationType()).isEqualTo("disable_webhook");
        assertThat(record.getValue().userPrincipalName()).isEqualTo("system");
        assertThat(record.getValue().resourceId()).isEqualTo("reg-1");
    }

    @Test
    void itStopsWhenNothingIsDueOrAtTheMost() {
        when(deliveries.attemptDue(any(), anyInt(), any())).thenReturn(0);
        assertThat(delivering.deliverDue(10)).isZero();

        // Batches of at most eight, and no more than asked for in all.
        clearInvocations(deliveries);
        when(deliveries.attemptDue(any(), anyInt(), any())).thenAnswer(call -> (int) call.getArgument(1));
        assertThat(delivering.deliverDue(20)).isEqualTo(20);
        verify(deliveries, times(2)).attemptDue(any(), eq(8), any());
        verify(deliveries).attemptDue(any(), eq(4), any());
    }

    @Test
    void aQuoteInAnAddressIsEscapedInThePayload() {
        ResourceChange odd = new ResourceChange(WebhookEvent.ORDER_CREATED, "/v1/x\"y", "Order", null, NOW, "k");
        assertThat(delivering.payload(odd)).contains("\"ResourceUri\":\"https://desk.example.com/v1/x\\\"y\"")
                .contains("\"AuditUri\":null");
    }

    private void due(DueDelivery due) {
        when(deliveries.attemptDue(eq(NOW), anyInt(), any())).thenAnswer(call -> {
            @SuppressWarnings("unchecked")
            Function<DueDelivery, AttemptMade> attempt = call.getArgument(2);
            if (!made.isEmpty()) {
                return 0; // one due, then none
            }
            made.add(attempt.apply(due));
            return 1;
        });
    }

    private void answer(WebhookTransport.Outcome outcome) {
        when(transport.post(any(), any(), any())).thenReturn(outcome);
    }

    private static ResourceChange change() {
        return new ResourceChange(WebhookEvent.ORDER_CREATED, ORDER, "Order", "/v1/auditrecords?startDate=x",
                NOW.minusSeconds(60), ORDER);
    }
}
