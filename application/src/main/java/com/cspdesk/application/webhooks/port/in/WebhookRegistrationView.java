package com.cspdesk.application.webhooks.port.in;

import java.time.Instant;
import java.util.List;

/** The partner's registration as the API shows it: the events by Partner Center's names, in the list's order. */
public record WebhookRegistrationView(String id, String url, List<String> events, Instant createdAt, String createdBy,
                                      Instant updatedAt) {
}
