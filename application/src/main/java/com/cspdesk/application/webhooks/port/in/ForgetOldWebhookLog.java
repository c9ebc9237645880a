package com.cspdesk.application.webhooks.port.in;

/** The housekeeping of the webhook log (no caller, no actor): forgets what {@code WebhookLogRetention} lets go. */
public interface ForgetOldWebhookLog {

    /** How many deliveries and events were forgotten. */
    int forgetOld();
}
