package com.cspdesk.application.webhooks;

import com.cspdesk.application.webhooks.port.out.WebhookDeliveries;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class WebhookLogKeepingTest {

    private static final Instant NOW = Instant.parse("2026-12-31T12:00:00Z");

    private final WebhookDeliveries deliveries = mock(WebhookDeliveries.class);
    private final WebhookLogKeeping keeping = new WebhookLogKeeping(deliveries, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void whatIsOlderThanThirtyDaysOnTheProductsClockIsForgottenStepByStepUntilNothingIsLeft() {
        Instant cutoff = Instant.parse("2026-12-01T12:00:00Z");
        when(deliveries.forgetSettledBefore(cutoff, WebhookLogKeeping.STEP)).thenReturn(2000, 1500, 0);

        assertThat(keeping.forgetOld()).isEqualTo(3500);

        verify(deliveries, times(3)).forgetSettledBefore(cutoff, WebhookLogKeeping.STEP);
    }
}
