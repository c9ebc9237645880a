package com.cspdesk.application.webhooks.port.out;

import com.cspdesk.domain.webhooks.WebhookEvent;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The partner's webhook registration as kept: where events go, which, and the signing secret sealed
 * ({@code SecretSealing}, context {@code webhook_registration:<id>}) — never in clear, never hashed, as
 * delivery must sign with it.
 */
public record WebhookRegistration(String id, String url, Set<WebhookEvent> events, String sealedSecret,
                                  Instant createdAt, String createdBy, Instant updatedAt) {

    public WebhookRegistration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        events = events.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(events));
        Objects.requireNonNull(sealedSecret, "sealedSecret");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The context the secret is sealed under: it opens for this registration only. */
    public static String sealingContext(String registrationId) {
        return "webhook_registration:" + registrationId;
    }

    @Override
    public String toString() {
        return "WebhookRegistration[id=" + id + ", events=" + events + ", sealedSecret=***]";
    }
}
