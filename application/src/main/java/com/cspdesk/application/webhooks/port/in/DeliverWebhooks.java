package com.cspdesk.application.webhooks.port.in;

/**
 * The delivery's work, as each instance's delivery threads run it (no caller, no actor): send the
 * deliveries that are due, one claimed at a time, until none is due or {@code max} were attempted.
 */
public interface DeliverWebhooks {

    /** How many deliveries were attempted. */
    int deliverDue(int max);
}
