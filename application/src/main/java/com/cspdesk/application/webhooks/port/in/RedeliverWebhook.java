package com.cspdesk.application.webhooks.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;

/**
 * "Redeliver": a delivery (delivered, failed or still pending) is due again now, under its first
 * {@code webhook-id} so a receiver that already has it can tell; it gets a fresh day of retries.
 */
public interface RedeliverWebhook {

    Lookup<WebhookDeliveryView> redeliver(String id, Actor actor);
}
