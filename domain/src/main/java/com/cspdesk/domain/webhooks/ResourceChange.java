package com.cspdesk.domain.webhooks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What a webhook tells: Partner Center's payload ({@code EventName}, {@code ResourceUri},
 * {@code ResourceName}, {@code AuditUri}, {@code ResourceChangeUtcDate}). A pointer to what changed,
 * relative to the API ({@code /v1/customers/{id}/orders/{orderId}}), never its data: no names, keys
 * or links, so an event that leaks tells nothing a caller could not only fetch with its own rights.
 * {@code auditUri} may be null.
 *
 * <p>{@link #orderingKey()} is the resource whose events must reach a receiver in the order they were
 * committed: the resource itself, or the order a credit was issued for (a credit follows its
 * cancellation).
 */
public record ResourceChange(WebhookEvent event, String resourceUri, String resourceName, String auditUri,
                             Instant changedAt, String orderingKey) {

    public ResourceChange {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(resourceUri, "resourceUri");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(changedAt, "changedAt");
        Objects.requireNonNull(orderingKey, "orderingKey");
        // Stored to the microsecond, as the activity record it comes from.
        changedAt = changedAt.truncatedTo(ChronoUnit.MICROS);
    }

    /** {@code ResourceChangeUtcDate}: ISO-8601 in UTC. */
    public String changeUtcDate() {
        return changedAt.toString();
    }
}
