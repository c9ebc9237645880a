package com.cspdesk.application.webhooks.port.in;

import com.cspdesk.domain.webhooks.DeliveryStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One event's delivery to the registration, as its log shows it: the event ({@code id} is its
 * {@code webhook-id}, the same on every attempt), where it stands, and each attempt (oldest first; empty
 * in a page of the log, where only the last attempt's figures are given).
 */
public record WebhookDeliveryView(String id, String eventName, String resourceUri, Instant resourceChangedAt,
                                  DeliveryStatus status, int attemptCount, Optional<Instant> lastAttemptAt,
                                  Optional<Integer> lastResponseCode, Optional<Instant> nextAttemptAt,
                                  Optional<Instant> deliveredAt, List<Attempt> attempts) {

    public WebhookDeliveryView {
        attempts = List.copyOf(attempts);
    }

    /**
     * One attempt: when, what the receiver answered (its status, if it answered), how long it took,
     * and otherwise why it failed ({@code failure} is a {@code WebhookTransport.Failure} name, with a short
     * technical detail; both empty on an answer).
     */
    public record Attempt(int number, Instant at, Optional<Integer> responseCode, long latencyMillis,
                          Optional<String> failure, Optional<String> detail) {
    }
}
