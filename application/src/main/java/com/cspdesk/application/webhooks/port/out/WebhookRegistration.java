package com.cspdesk.application.webhooks.port.out;

import com.cspdesk.domain.webhooks.WebhookEvent;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The partner's webhook registration as kept: where events go, which, and the signing secret sealed
 * ({@code SecretSealing}, context {@code webhook_registration:<id>}) — never in clear, never hashed, as
 * delivery must sign with it. {@link Health}: since when its deliveries have been failing, and whether
 * the desk has switched it off for that; a change of the registration clears both.
 */
public record WebhookRegistration(String id, String url, Set<WebhookEvent> events, String sealedSecret,
                                  Instant createdAt, String createdBy, Instant updatedAt, Health health) {

    /** A registration as made or changed: healthy. */
    public WebhookRegistration(String id, String url, Set<WebhookEvent> events, String sealedSecret,
                               Instant createdAt, String createdBy, Instant updatedAt) {
        this(id, url, events, sealedSecret, createdAt, createdBy, updatedAt, Health.HEALTHY);
    }

    public WebhookRegistration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        events = events.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(events));
        Objects.requireNonNull(sealedSecret, "sealedSecret");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(health, "health");
    }

    /** Failing since (no 2xx since that attempt) and switched off at ({@code DeliveryRetryPolicy.DISABLE_AFTER}). */
    public record Health(Optional<Instant> failingSince, Optional<Instant> disabledAt) {

        public static final Health HEALTHY = new Health(Optional.empty(), Optional.empty());

        public Health {
            Objects.requireNonNull(failingSince, "failingSince");
            Objects.requireNonNull(disabledAt, "disabledAt");
        }

        public boolean enabled() {
            return disabledAt.isEmpty();
        }
    }

    /** The context the secret is sealed under: it opens for this registration only. */
    public static String sealingContext(String registrationId) {
        return "webhook_registration:" + registrationId;
    }

    @Override
    public String toString() {
        return "WebhookRegistration[id=" + id + ", events=" + events + ", sealedSecret=***, health=" + health + "]";
    }
}
