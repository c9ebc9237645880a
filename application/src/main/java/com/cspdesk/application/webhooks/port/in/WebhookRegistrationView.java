package com.cspdesk.application.webhooks.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The partner's registration as the API shows it: the events by Partner Center's names, in the list's
 * order; since when its deliveries fail (empty while they succeed) and when the desk switched it off for
 * failing for days (empty while it is on).
 */
public record WebhookRegistrationView(String id, String url, List<String> events, Instant createdAt, String createdBy,
                                      Instant updatedAt, Optional<Instant> failingSince, Optional<Instant> disabledAt) {
}
