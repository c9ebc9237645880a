package com.cspdesk.domain.webhooks;

import java.time.Duration;
import java.time.Instant;

/**
 * How long the webhook log keeps what is settled: a delivery delivered or given up, with its attempts,
 * and an event no delivery needs any more, for {@link #KEEP} (30 days) after it last happened; a
 * pending delivery and its event are kept however old. The partner's own systems have had the event by
 * then or will not get it (retries end after a day); the activity log, which the event points at, is
 * kept for good. (Partner Center drops a test event's status after 7 days.)
 */
public final class WebhookLogRetention {

    public static final Duration KEEP = Duration.ofDays(30);

    private WebhookLogRetention() {
    }

    /** What happened before this instant is forgotten now. */
    public static Instant forgottenBefore(Instant now) {
        return now.minus(KEEP);
    }
}
