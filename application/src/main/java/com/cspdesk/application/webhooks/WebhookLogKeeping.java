package com.cspdesk.application.webhooks;

import com.cspdesk.application.webhooks.port.in.ForgetOldWebhookLog;
import com.cspdesk.application.webhooks.port.out.WebhookDeliveries;
import com.cspdesk.domain.webhooks.WebhookLogRetention;

import java.time.Clock;
import java.time.Instant;

/**
 * Forgets the settled webhook log past {@link WebhookLogRetention}, in bounded steps (each its own
 * transaction in the store) so a first run over a long backlog never holds a large one.
 */
public final class WebhookLogKeeping implements ForgetOldWebhookLog {

    static final int STEP = 1000;

    private final WebhookDeliveries deliveries;
    private final Clock clock;

    public WebhookLogKeeping(WebhookDeliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Override
    public int forgetOld() {
        Instant before = WebhookLogRetention.forgottenBefore(clock.instant());
        int total = 0;
        int step;
        do {
            step = deliveries.forgetSettledBefore(before, STEP);
            total += step;
        } while (step > 0);
        return total;
    }
}
